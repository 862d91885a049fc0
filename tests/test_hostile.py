"""Hostile seeds through the real ingest and build: each an article or one clear message."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hostile.corpus import (
    ARTICLE,
    ERROR,
    EXPECTED,
    IGNORED,
    SECRET_TEXT,
    SILENT,
    SKIPPED,
    write_corpus,
    write_corrections,
)
from hostile.pages import (
    ROOT,
    broken_links,
    build_cli,
    new_content,
    run_cli,
    site_dangers,
    unreviewed_settings,
    visible_text,
)

from breachwatch.ingest.clean import strip_boilerplate
from breachwatch.ingest.read import read_seed
from breachwatch.sentences import normalise_space, split_sentences

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The whole corpus ingested and built once, with the command's stderr and exit status."""
    root = tmp_path_factory.mktemp("hostile")
    seeds = write_corpus(root / "seeds")
    output, content = root / "output", new_content(root / "content")
    write_corrections(content)
    # The corpus tests what reaches the page, not the classification: held articles too.
    done = build_cli(seeds, content, output, unreviewed_settings(root))
    assert (output / "data" / "articles.json").is_file(), done.stderr[-800:]
    records = json.loads((output / "data" / "articles.json").read_text(encoding="utf-8"))
    return {
        "seeds": seeds,
        "content": content,
        "output": output,
        "status": done.returncode,
        "lines": done.stderr.splitlines(),
        "records": {record["seed"]: record for record in records},
    }


def _lines_about(lines: list[str], kind: str, name: str) -> list[str]:
    """Message lines of one kind ('error', 'warning') that name a seed file."""
    shown = f"/{name}:" if name.isprintable() else f"/{ascii(name)[1:-1]}'"
    return [line for line in lines if line.startswith(kind) and shown in line]


def _sentences(path: Path, title_corrected: bool = False) -> list[str]:
    """Every sentence of a seed after decoding and boilerplate removal, as the page must show."""
    text, _ = read_seed(path)
    kept, _ = strip_boilerplate(text)
    lines = [line for line in kept if line.strip()]
    if title_corrected:  # an editor's headline replaces the scraped one
        lines = lines[1:]
    return [normalise_space(s) for line in lines for s in split_sentences(line)]


def test_corpus_is_large_and_fully_specified(corpus) -> None:
    present = {path.name for path in corpus["seeds"].iterdir()}
    assert present == set(EXPECTED)
    assert len(EXPECTED) >= 40


def test_exit_status_says_some_seeds_failed(corpus) -> None:
    assert corpus["status"] == 1
    assert not [line for line in corpus["lines"] if "Traceback" in line]


@pytest.mark.parametrize("name", sorted(n for n, c in EXPECTED.items() if c.outcome == ERROR))
def test_bad_seed_gets_one_error_line_naming_it(corpus, name: str) -> None:
    (line,) = _lines_about(corpus["lines"], "error", name)
    assert EXPECTED[name].message in line
    assert name not in corpus["records"]


@pytest.mark.parametrize(
    "name", sorted(n for n, c in EXPECTED.items() if c.outcome in {IGNORED, SKIPPED})
)
def test_not_a_seed_or_a_duplicate_gets_one_warning(corpus, name: str) -> None:
    (line,) = _lines_about(corpus["lines"], "warning", name)
    assert EXPECTED[name].message in line
    assert name not in corpus["records"]
    assert not _lines_about(corpus["lines"], "error", name)


@pytest.mark.parametrize("name", sorted(n for n, c in EXPECTED.items() if c.outcome == SILENT))
def test_hidden_files_are_passed_over(corpus, name: str) -> None:
    assert not [line for line in corpus["lines"] if name in line]
    assert name not in corpus["records"]


@pytest.mark.parametrize("name", sorted(n for n, c in EXPECTED.items() if c.outcome == ARTICLE))
def test_seed_becomes_an_article_showing_every_sentence(corpus, name: str) -> None:
    record = corpus["records"][name]
    page = (corpus["output"] / record["url"] / "index.html").read_text(encoding="utf-8")
    text = visible_text(page)
    corrected = "title" in record.get("corrected_fields", [])
    missing = [s for s in _sentences(corpus["seeds"] / name, corrected) if s not in text]
    assert not missing, missing[:3]
    for shown in EXPECTED[name].visible:
        assert normalise_space(shown) in text, shown
    assert not _lines_about(corpus["lines"], "error", name)
    if EXPECTED[name].message:
        assert EXPECTED[name].message in " ".join(corpus["lines"])


def test_slugs_are_unique_and_safe(corpus) -> None:
    slugs = [record["slug"] for record in corpus["records"].values()]
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) for slug in slugs)


def test_nothing_in_the_site_runs_script_or_loads_another_host(corpus) -> None:
    assert site_dangers(corpus["output"]) == {}


def test_symlinked_seed_is_not_published(corpus) -> None:
    secret = SECRET_TEXT.encode()
    leaked = [p for p in corpus["output"].rglob("*") if p.is_file() and secret in p.read_bytes()]
    assert not leaked


def test_headers_file_carries_the_content_security_policy(corpus) -> None:
    headers = (corpus["output"] / "_headers").read_text(encoding="utf-8")
    assert f"  Content-Security-Policy: {CSP}\n" in headers
    assert headers.splitlines()[[i for i, line in enumerate(headers.splitlines())
                                 if not line.startswith("#")][0]] == "/*"


def _policy(text: str) -> dict[str, set[str]]:
    """A CSP string as directive -> set of sources."""
    directives = (part.split() for part in text.split(";") if part.strip())
    return {words[0]: set(words[1:]) for words in directives}


def test_every_page_policy_is_within_the_header_policy(corpus) -> None:
    header = _policy(CSP)
    pattern = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')
    pages = sorted(corpus["output"].rglob("*.html"))
    policies = {p: pattern.search(p.read_text(encoding="utf-8")) for p in pages}
    assert all(policies.values()), [str(p) for p, m in policies.items() if not m][:3]
    for page, match in policies.items():
        for directive, sources in _policy(match.group(1)).items():
            assert sources <= header.get(directive, header["default-src"]), (page, directive)


def test_warnings_alone_exit_zero(tmp_path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("duplicate_a.txt", "duplicate_b.txt", "no_force.txt", "notes.md"):
        (seeds / name).write_bytes((ROOT / "tests" / "hostile" / "seeds" / name).read_bytes())
    done = build_cli(seeds, new_content(tmp_path / "content"), tmp_path / "output")
    assert done.returncode == 0, done.stderr
    assert sum(line.startswith("warning") for line in done.stderr.splitlines()) == 2


def test_second_ingest_of_the_corpus_rewrites_and_deletes_nothing(corpus) -> None:
    articles = corpus["content"] / "articles"

    def state() -> dict[str, tuple[bytes, int]]:
        return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in articles.glob("*.md")}

    before = state()
    assert len(before) == len(corpus["records"])
    done = run_cli("ingest", "--seeds", corpus["seeds"], "--content", corpus["content"])
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert state() == before


def test_every_xml_file_is_well_formed(corpus) -> None:
    from xml.etree import ElementTree

    files = sorted(corpus["output"].rglob("*.xml")) + sorted(corpus["output"].rglob("*.svg"))
    assert files
    for path in files:
        ElementTree.fromstring(path.read_bytes())  # a feed reader rejects a malformed feed whole


def test_every_link_inside_the_site_names_a_file(corpus) -> None:
    assert broken_links(corpus["output"]) == []
