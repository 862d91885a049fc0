"""Published under a sub-path (publishconf.py, SITEURL .../investigation): no broken links."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.localsite import ROOT, build, copy_project, serve

LYCHEE = Path(sys.executable).with_name("lychee")
SUBPATH = "investigation"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory, monkeypatch_module):
    """The production build for http://127.0.0.1:<port>/investigation, served from its parent."""
    tmp = tmp_path_factory.mktemp("subpath")
    root = tmp / "www"
    root.mkdir()
    with serve(root, not_found=root / SUBPATH / "404.html") as server:
        dirs = copy_project(tmp)
        dirs["output"] = root / SUBPATH
        monkeypatch_module.setenv("SITEURL", f"{server.origin}/{SUBPATH}")
        assert build(dirs, ROOT / "publishconf.py") == 0
        yield server


@pytest.fixture(scope="module")
def monkeypatch_module():
    """A module-wide monkeypatch (SITEURL must stay set while publishconf.py is read)."""
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_every_page_uses_the_subpath(subpath_site) -> None:
    site_root = subpath_site.directory / SUBPATH
    escaping = []
    for page in site_root.rglob("*.html"):
        for url in re.findall(r'(?:href|src)="([^"#]*)"', page.read_text(encoding="utf-8")):
            outside = url.startswith("/") and not url.startswith(f"/{SUBPATH}/")
            local = url.startswith(f"{subpath_site.origin}/")
            if outside or local and not url.startswith(f"{subpath_site.origin}/{SUBPATH}/"):
                escaping.append(f"{page.relative_to(site_root)}: {url}")
    assert escaping == []


def test_link_checker_finds_no_broken_internal_link(subpath_site, tmp_path) -> None:
    site_root = subpath_site.directory / SUBPATH
    pages = sorted(
        f"{subpath_site.origin}/{SUBPATH}/{path.relative_to(site_root).as_posix()}"
        for path in site_root.rglob("*.html")
    )
    report = tmp_path / "lychee.json"
    local = re.escape(f"{subpath_site.origin}/")
    result = subprocess.run(
        [
            str(LYCHEE), "--no-progress", "--format", "json", "--output", str(report),
            "--include-fragments", "--max-concurrency", "8", "--timeout", "20",
            "--exclude", ".*", "--include", f"^{local}",
            *pages,
        ],
        capture_output=True, text=True, check=False, env={**os.environ, "NO_COLOR": "1"},
    )
    summary = json.loads(report.read_text())
    failures = [
        f"{source}: {item['url']} ({item.get('status', {}).get('text', '')})"
        for source, items in summary.get("error_map", {}).items() for item in items
    ]
    assert failures == [], result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    assert summary["successful"] > len(pages), "the checker checked almost nothing"


def test_not_found_page_is_styled_at_any_depth(subpath_site, browser) -> None:
    page = browser.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    missing = f"{subpath_site.origin}/{SUBPATH}/no/such/page/"
    response = page.goto(missing, wait_until="networkidle")
    sheets = page.evaluate("() => document.styleSheets.length")
    page.close()
    assert response.status == 404
    assert failed == [f"404 {missing}"], "the 404 page's own files did not load"
    assert sheets > 0
