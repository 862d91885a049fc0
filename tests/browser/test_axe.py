"""axe-core finds no accessibility violation on any page type, in light and dark mode."""

from __future__ import annotations

import pytest

from scripts.localsite import AXE

from .conftest import PAGE_KINDS, open_kind

RUN_AXE = """async () => (await axe.run(document)).violations.map(v =>
    `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_axe_violations(browser, each_site, kind: str, scheme: str) -> None:
    site = each_site  # the police site, then the example investigation's
    # The site's CSP forbids injected scripts; let axe in without weakening the page itself.
    page = open_kind(browser, site, kind, color_scheme=scheme, bypass_csp=True)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(RUN_AXE)
    page.context.close()
    assert violations == []
