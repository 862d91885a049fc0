"""Hostile seed text is shown as text: no script runs, no dialog opens, no javascript: link."""

from __future__ import annotations

import json

import pytest

from scripts.localsite import build, copy_project, page_paths, serve

from .conftest import search_for

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
]
HOSTILE_SEED = f"""Officer dismissed {PAYLOADS[0]} for leaking records {PAYLOADS[1]}

A Greater Manchester Police constable who searched police systems for information about a
neighbour has been dismissed without notice {PAYLOADS[0]}.

A misconduct panel found that the officer accessed records without a policing purpose
{PAYLOADS[1]} and passed details to a friend {PAYLOADS[2]}. The hearing concluded on
Friday 10 March 2023.

Read more: {PAYLOADS[2]} and <a href="javascript:alert(1)">this link</a>.
"""
HOSTILE_NAME = "999_hostile.txt"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The real seeds plus one hostile seed, built and served."""
    dirs = copy_project(tmp_path_factory.mktemp("hostile"), {HOSTILE_NAME: HOSTILE_SEED})
    assert build(dirs) == 0
    records = json.loads((dirs["output"] / "data" / "articles.json").read_text())
    (record,) = [r for r in records if r["seed"] == HOSTILE_NAME]
    with serve(dirs["output"]) as server:
        server.pages = page_paths(dirs["output"])
        server.hostile = record
        yield server


def _hostile_urls(site) -> list[str]:
    """The hostile article, every list it appears on, and a search for its words."""
    record = site.hostile
    urls = [f"{site.origin}/{record['url'].lstrip('/')}", f"{site.origin}/"]
    urls += [f"{site.origin}/forces/{force}/" for force in record["forces"]]
    urls += [f"{site.origin}/breaches/{breach}/" for breach in record["breaches"]]
    return urls


def test_hostile_seed_runs_no_script(browser, hostile_site) -> None:
    dialogs: list[str] = []
    errors: list[str] = []
    # Without the CSP, so this proves the escaping itself, not only the policy behind it.
    page = browser.new_context(bypass_csp=True).new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: errors.append(f"{msg.location['url']}: {msg.text}")
            if msg.type == "error" and "status of 404" not in msg.text else None)
    page.on("response", lambda r: errors.append(f"{r.url}: {r.status}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
    found = []
    for url in _hostile_urls(hostile_site):
        page.goto(url, wait_until="networkidle")
        found.append(page.evaluate(
            "() => [document.querySelectorAll('a[href^=\"javascript:\" i], [onerror]').length,"
            " document.body.innerText.includes('alert(1)')]"
        ))
        for link in page.locator("main a[href^='javascript:' i]").all():
            link.click()
    if "search" in hostile_site.pages:
        page.goto(f"{hostile_site.origin}/{hostile_site.pages['search']}")
        search_for(page, "alert")
    page.context.close()
    assert dialogs == []
    assert errors == []
    assert all(count == 0 for count, _ in found), "a javascript: link or onerror attribute"
    assert found[0][1], "the payload text is not shown literally on the article page"
