"""Every HTML page of the build passes the Nu HTML checker with no errors."""

from __future__ import annotations

import json
import subprocess

from scripts.localsite import VNU


def test_nu_checker_finds_no_errors(site) -> None:
    pages = sorted(str(path) for path in site.directory.rglob("*.html"))
    assert len(pages) > 10
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True, text=True, check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m.get('url', '').split('/output/')[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert errors == []
    assert result.returncode == 0
