"""The reader's site without a browser: what every page type must carry in its built HTML."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, SEEDS

from breachwatch.cli import main
from breachwatch.extract.breaches import load_breach_types
from breachwatch.extract.standards import load_standards
from breachwatch.extract.status import load_statuses
from breachwatch.sentences import normalise_space

SITEURL = "https://example.org/investigation"
CORRECTED_PUBLISHER = "Independent Office for Police Conduct"


class _Tags(HTMLParser):
    """Every start tag with its attributes, script bodies, and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.text: list[str] = []
        self._script: dict[str, str] | None = None
        self._hidden = 0

    def handle_starttag(self, tag, attrs) -> None:
        attrs = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attrs))
        if tag == "script":
            self._script = attrs
            self.scripts.append((attrs, ""))
        if tag in {"script", "style", "head"}:
            self._hidden += 1

    def handle_startendtag(self, tag, attrs) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag) -> None:
        if tag == "script":
            self._script = None
        if tag in {"script", "style", "head"}:
            self._hidden -= 1

    def handle_data(self, data) -> None:
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        elif not self._hidden:
            self.text.append(data)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        """Attributes of every `tag` whose attributes include `wanted` (class_ for class)."""
        wanted = {key.rstrip("_").replace("_", "-"): value for key, value in wanted.items()}
        return [a for t, a in self.tags if t == tag
                and all(a.get(k) == v for k, v in wanted.items())]


def parse(path: Path) -> _Tags:
    page = _Tags()
    page.feed(path.read_text(encoding="utf-8"))
    page.visible = normalise_space(" ".join(page.text))
    return page


def _build(tmp: Path, settings: str) -> Path:
    """Seeds, pages, cases and one editor's correction built with the real CLI."""
    shutil.copytree(SEEDS, tmp / "seeds")
    shutil.copytree(ROOT / "content" / "pages", tmp / "content" / "pages")
    shutil.copy(ROOT / "content" / "cases.yaml", tmp / "content" / "cases.yaml")
    first = sorted(SEEDS.glob("*.txt"))[0]
    corrections = tmp / "content" / "corrections"
    corrections.mkdir()
    (corrections / f"{first.stem}.yaml").write_text(
        f"publisher: {CORRECTED_PUBLISHER}\nnote: Confirmed from the publisher's site.\n",
        encoding="utf-8",
    )
    before = os.environ.get("SITEURL")
    os.environ["SITEURL"] = SITEURL
    try:
        status = main(["build", "--seeds", str(tmp / "seeds"), "--content", str(tmp / "content"),
                       "--output", str(tmp / "output"), "--settings", str(ROOT / settings)])
    finally:
        if before is None:
            os.environ.pop("SITEURL", None)
        else:
            os.environ["SITEURL"] = before
    assert status == 0
    return tmp / "output"


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> Path:
    """The site as `make html` builds it: relative URLs."""
    return _build(tmp_path_factory.mktemp("theme-local"), "pelicanconf.py")


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The site as published under a sub-path: absolute URLs from publishconf.py."""
    return _build(tmp_path_factory.mktemp("theme-published"), "publishconf.py")


@pytest.fixture(scope="module")
def records(local: Path) -> list[dict]:
    return json.loads((local / "data" / "articles.json").read_text(encoding="utf-8"))


def pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if "pagefind" not in p.relative_to(out).parts)


def article_page(out: Path, record: dict) -> Path:
    return out / record["url"] / "index.html"


def test_every_page_type_is_built(local: Path) -> None:
    for path in ("index.html", "404.html", "search/index.html", "methodology/index.html",
                 "about/index.html", "forces/index.html", "breaches/index.html",
                 "robots.txt", "sitemap.xml", "theme/favicon.svg", "theme/js/search.js",
                 "pagefind/pagefind-ui.js", "pagefind/pagefind.js"):
        assert (local / path).is_file(), path


def test_status_badge_keeps_alleged_apart_from_proven(local: Path, records: list[dict]) -> None:
    statuses = load_statuses()
    seen = set()
    for record in records:
        page = parse(article_page(local, record))
        badges = page.find("span", class_=f"status status-{record['status']}",
                           data_pagefind_filter="Status")
        assert len(badges) == 1, record["slug"]
        assert badges[0]["title"] == statuses[record["status"]].definition
        assert statuses[record["status"]].name in page.visible
        seen.add(record["status"])
    css = (local / "theme" / "css" / "site.css").read_text(encoding="utf-8")
    rules = {s: re.search(rf"\.status-{s} \{{([^}}]*)\}}", css).group(1)
             for s in ("alleged", "proven")}
    assert rules["alleged"] != rules["proven"]
    assert statuses["alleged"].name != statuses["proven"].name
    assert {"alleged", "proven"} <= seen


def test_dates_say_where_they_come_from(local: Path, records) -> None:
    listed = [r for r in records if r["date_rule"] == "source-list"]
    guessed = [r for r in records if r["date_confidence"] == "low"]
    inferred = [r for r in records if r["date_confidence"] == "medium"
                and r["date_rule"] not in {"editor", "source-list", "url", "dateline"}]
    assert listed
    for record in listed:
        assert "Date as our source list records it" in parse(article_page(local, record)).visible
    for record in guessed:  # a guess is not shown as a date, only as a clue
        text = parse(article_page(local, record)).visible
        assert "Date unknown" in text
        assert f"the nearest clue in the text: “{normalise_space(record['date_basis'])}”" in text
    for record in inferred:
        text = parse(article_page(local, record)).visible
        assert f"Date inferred from: “{normalise_space(record['date_basis'])}”" in text


def test_raw_source_link_serves_the_seed_byte_for_byte(local: Path, records) -> None:
    for record in records:
        page_path = article_page(local, record)
        links = [a["href"] for a in parse(page_path).find("a") if "sources/" in a["href"]]
        assert len(links) == 1, record["slug"]
        target = (page_path.parent / links[0]).resolve()
        assert target.read_bytes() == (SEEDS / record["seed"]).read_bytes()


def test_publisher_is_credited_and_corrections_are_logged(local: Path, records) -> None:
    corrected = [r for r in records if r["corrected_fields"]]
    assert [r["seed"] for r in corrected] == [sorted(p.name for p in SEEDS.glob("*.txt"))[0]]
    record = corrected[0]
    text = parse(article_page(local, record)).visible
    assert f"ublished by {CORRECTED_PUBLISHER}" in text
    assert "Corrected by an editor: publisher" in text
    about = parse(local / "about" / "index.html")
    assert "Corrections log" in about.visible and "Reporting an error" in about.visible
    assert any(a["href"].endswith(record["url"]) for a in about.find("a"))


def test_json_ld_is_a_news_article_with_absolute_urls(published: Path, records) -> None:
    for record in records:
        page = parse(article_page(published, record))
        blocks = [body for attrs, body in page.scripts
                  if attrs.get("type") == "application/ld+json"]
        assert len(blocks) == 1, record["slug"]
        data = json.loads(blocks[0])
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == record["title"]
        assert data.get("datePublished") == record["date"]
        assert data["url"] == f"{SITEURL}/{record['url']}"
        # The original article where sources.csv names it, else our copy of the seed.
        assert data["isBasedOn"] == (record["source_url"]
                                     or f"{SITEURL}/sources/{record['seed']}")
        if record["publisher"] != "unknown":
            assert data["publisher"]["name"] == record["publisher"]
        assert page.find("meta", property="og:type", content="article")
        assert page.find("meta", property="og:url", content=data["url"])


def test_every_page_has_its_own_canonical_url(published: Path) -> None:
    for path in pages(published):
        links = parse(path).find("link", rel="canonical")
        if path.name == "404.html":
            assert not links
            continue
        relative = path.relative_to(published).as_posix().removesuffix("index.html")
        assert [link["href"] for link in links] == [f"{SITEURL}/{relative}"], path


def test_every_page_has_description_favicon_and_a_tight_csp(local: Path) -> None:
    for path in pages(local):
        page = parse(path)
        assert page.find("meta", name="description")[0]["content"].strip(), path
        (icon,) = page.find("link", rel="icon")
        assert (path.parent / icon["href"]).resolve() == (local / "theme" / "favicon.svg")
        (csp,) = page.find("meta", http_equiv="Content-Security-Policy")
        policy = dict(part.strip().split(" ", 1) for part in csp["content"].split(";"))
        assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
        assert "'unsafe-inline'" not in csp["content"]
        wasm = "'wasm-unsafe-eval'" in policy["script-src"]
        assert wasm == (path.relative_to(local).as_posix() == "search/index.html"), path


def test_no_inline_script_style_or_event_handler_anywhere(local: Path) -> None:
    for path in pages(local):
        page = parse(path)
        for attrs, body in page.scripts:
            assert attrs.get("src") or attrs.get("type") == "application/ld+json", path
            if attrs.get("src"):
                assert "defer" in attrs and not body.strip(), path
        for tag, attrs in page.tags:
            assert "style" not in attrs, (path, tag)
            assert not [name for name in attrs if name.startswith("on")], (path, tag)
            assert tag != "style", path


def test_no_root_relative_links_under_a_sub_path(published: Path) -> None:
    for path in pages(published):
        for _, attrs in parse(path).tags:
            for name in ("href", "src"):
                url = attrs.get(name)
                if url is None or url.startswith("#") or attrs.get("class") == "original":
                    continue  # (the original article lives on its publisher's site)
                assert not url.startswith("/"), (path, url)
                parts = urlsplit(url)
                if parts.scheme or parts.netloc:
                    assert url.startswith(f"{SITEURL}/"), (path, url)


def test_sitemap_lists_every_article_and_robots_points_to_it(published: Path, records) -> None:
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert len(locs) == len(set(locs))
    for record in records:
        assert f"{SITEURL}/{record['url']}" in locs
    assert f"{SITEURL}/" in locs and f"{SITEURL}/search/" not in locs
    assert all(loc.startswith(f"{SITEURL}/") for loc in locs)
    robots = (published / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and f"Sitemap: {SITEURL}/sitemap.xml" in robots


def test_search_page_loads_pagefind_from_the_site_and_explains_no_script(local: Path) -> None:
    path = local / "search" / "index.html"
    page = parse(path)
    sources = [attrs["src"] for attrs, _ in page.scripts if attrs.get("src")]
    assert sources == ["../pagefind/pagefind-ui.js", "../theme/js/search.js"]
    assert all((path.parent / src).resolve().is_file() for src in sources)
    html = path.read_text(encoding="utf-8")
    notice = re.search(r"<noscript>(.*?)</noscript>", html, re.S).group(1)
    assert "needs JavaScript" in notice
    assert 'href="../forces/"' in notice and 'href="../breaches/"' in notice
    assert page.find("div", id="search")


def test_only_article_bodies_are_indexed_with_filters(local: Path, records) -> None:
    for path in pages(local):
        bodies = parse(path).find("article", class_="article", data_pagefind_body="")
        is_article = path.relative_to(local).parts[0] == "articles"
        assert len(bodies) == (1 if is_article else 0), path
    for record in records:
        page = parse(article_page(local, record))
        forces = [a for a in page.find("a") if a.get("data-pagefind-filter") == "Force"]
        breaches = [a for a in page.find("a") if a.get("data-pagefind-filter") == "Breach type"]
        assert len(forces) == len(record["forces"]) and len(breaches) == len(record["breaches"])
        # The metadata panel feeds the filters but not the words excerpts are drawn from.
        assert page.find("dl", class_="facts", data_pagefind_ignore="")


def test_related_articles_put_the_case_first(local: Path, records) -> None:
    in_cases = Counter(r["case"] for r in records if r["case"])
    case, _ = in_cases.most_common(1)[0]
    members = [r for r in records if r["case"] == case]
    assert len(members) > 1
    for record in members:
        html = article_page(local, record).read_text(encoding="utf-8")
        related = re.search(r'<section class="related".*?</section>', html, re.S).group(0)
        first = re.search(r'<li><a href="([^"]*)"', related).group(1)
        assert any(first.endswith(other["url"]) for other in members if other is not record)
        assert "same case" in related


def test_tags_link_to_the_sentence_that_justified_them(local: Path, records) -> None:
    linked = in_headline = 0
    for record in records:
        page = parse(article_page(local, record))
        ids = {attrs["id"] for _, attrs in page.tags if "id" in attrs}
        for link in page.find("a", class_="evidence"):
            assert link["href"][1:] in ids, (record["url"], link["href"])
            linked += 1
            in_headline += link["href"] == "#headline"
    assert linked >= len(records)
    assert in_headline >= 1  # tags found in the headline point at it


def test_previous_and_next_link_neighbouring_articles(local: Path, records) -> None:
    ordered = records  # articles.json lists them newest first, as the site does
    newest = parse(article_page(local, ordered[0]))
    oldest = parse(article_page(local, ordered[-1]))
    assert not newest.find("a", rel="next") and len(newest.find("a", rel="prev")) == 1
    assert not oldest.find("a", rel="prev") and len(oldest.find("a", rel="next")) == 1


def test_force_page_breaks_down_by_breach_and_outcome(local: Path, records) -> None:
    slug = Counter(f for r in records for f in r["forces"]).most_common(1)[0][0]
    mine = [r for r in records if slug in r["forces"]]
    page = parse(local / "forces" / slug / "index.html")
    html = (local / "forces" / slug / "index.html").read_text(encoding="utf-8")
    assert f"{len(mine)} article" in page.visible
    assert page.find("a", href=f"../../feeds/forces/{slug}.atom.xml")
    breach_counts = Counter(b for r in mine for b in r["breaches"])
    for breach, count in breach_counts.items():
        row = re.search(rf'href="../../breaches/{breach}/">[^<]*</a></th><td><a '
                        rf'class="count-value" href="#articles">(\d+)</a>', html)
        assert row and int(row.group(1)) == count, breach
    assert "Articles by outcome" in page.visible


def test_breach_page_has_definition_and_counts_by_force(local: Path, records) -> None:
    slug = Counter(b for r in records for b in r["breaches"]).most_common(1)[0][0]
    html = (local / "breaches" / slug / "index.html").read_text(encoding="utf-8")
    text = parse(local / "breaches" / slug / "index.html").visible
    assert normalise_space(load_breach_types()[slug].definition) in text
    for force, count in Counter(f for r in records if slug in r["breaches"]
                                for f in r["forces"]).items():
        row = re.search(rf'href="../../forces/{force}/">[^<]*</a></th><td><a '
                        rf'class="count-value" href="#articles">(\d+)</a>', html)
        assert row and int(row.group(1)) == count, force


def test_methodology_taxonomy_comes_from_the_data_files(local: Path) -> None:
    page = parse(local / "methodology" / "index.html")
    for breach in load_breach_types().values():
        assert normalise_space(breach.definition) in page.visible
    for standard in load_standards().values():
        assert page.find("dt", id=f"standard-{standard.slug}")
        assert normalise_space(standard.description) in page.visible
    for status in load_statuses().values():
        assert normalise_space(status.definition) in page.visible
    assert "Known limits" in page.visible


def test_home_page_pitches_and_links_feeds_data_and_methodology(local: Path) -> None:
    page = parse(local / "index.html")
    hrefs = {a["href"].removeprefix("./") for a in page.find("a")}
    assert {"feeds/all.atom.xml", "data/", "methodology/", "search/", "cases/"} <= hrefs
    lede = re.search(r'<p class="lede">(.*?)</p>', (local / "index.html").read_text(), re.S)
    assert lede and len(re.findall(r"[.!?](?:\s|$)", lede.group(1))) == 2
    assert "Latest articles" in page.visible and "By force" in page.visible


def test_nav_offers_cases_data_and_search(local: Path) -> None:
    html = (local / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav aria-label="Main">(.*?)</nav>', html, re.S).group(1)
    for label in ("Cases", "Data", "Search", "Methodology", "Forces"):
        assert f">{label}</a>" in nav


def test_not_found_page_offers_ways_back(published: Path) -> None:
    page = parse(published / "404.html")
    assert "Page not found" in page.visible
    assert {f"{SITEURL}/", f"{SITEURL}/search/"} <= {a["href"] for a in page.find("a")}


def test_each_page_with_css_fits_14_kb_gzipped(local: Path) -> None:
    css = len(gzip.compress((local / "theme" / "css" / "site.css").read_bytes(), 9))
    for path in pages(local):
        assert len(gzip.compress(path.read_bytes(), 9)) + css <= 14 * 1024, path


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """A site of one page of articles more than a list holds, with small caps on long lists."""
    from pelican.settings import read_settings

    tmp = tmp_path_factory.mktemp("many")
    per_page = read_settings(str(ROOT / "pelicanconf.py"))["DEFAULT_PAGINATION"]
    seeds = tmp / "seeds"
    seeds.mkdir()
    for number in range(per_page + 1):
        (seeds / f"{number:03}.txt").write_text(
            f"Officer number {number} sacked over records\n\n"
            f"A Kent Police constable, number {number}, was dismissed for searching records.\n\n"
            f"Kent Police recorded {number + 100} breaches between 2011 and 2015.\n",
            encoding="utf-8",
        )
    settings = tmp / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        "CHART_MAX_BARS = 3\nDATA_PAGE_FIGURES = 10\nDATA_PAGE_ARTICLES_PER_OUTCOME = 4\n",
        encoding="utf-8",
    )
    shutil.copytree(ROOT / "content" / "pages", tmp / "content" / "pages")
    out = tmp / "output"
    assert main(["build", "--seeds", str(seeds), "--content", str(tmp / "content"),
                 "--output", str(out), "--settings", str(settings)]) == 0
    return out


def test_paginated_lists_link_older_and_newer_pages(many: Path) -> None:
    first, second = many / "index.html", many / "page" / "2" / "index.html"
    (older,) = parse(first).find("a", rel="next")
    (newer,) = parse(second).find("a", rel="prev")
    assert (first.parent / older["href"]).resolve() in (second, second.parent)
    assert (second.parent / newer["href"]).resolve() == first
    assert parse(second).find("link", rel="canonical")[0]["href"] == "../../page/2/"
    archive, archive_2 = many / "archives" / "index.html", many / "archives" / "page" / "2"
    (older,) = parse(archive).find("a", rel="next")
    assert (archive.parent / older["href"]).resolve() in (archive_2, archive_2 / "index.html")
    assert len(parse(archive_2 / "index.html").find("h2")) == 1  # the 51st article


def test_long_lists_show_the_first_and_point_to_the_data_files(many: Path) -> None:
    data = parse(many / "data" / "index.html")
    assert len(data.find("a", class_="figure-value")) == 3 * 2 + 10  # chart (SVG, table), latest
    assert "The 10 figures of the most recent articles, of 51" in data.visible
    assert "The 4 most recent of 51 articles" in data.visible
    kent = parse(many / "forces" / "kent-police" / "index.html")
    assert len(kent.find("a", class_="figure-value")) == 3 * 2  # three bars, in SVG and table
    assert "Shown: the 3 largest of 51 reported figures" in kent.visible
    assert kent.find("a", href="../../data/figures.csv")


def test_templates_compile_without_a_writable_cache_folder(monkeypatch) -> None:
    from breachwatch import site_defaults

    options = site_defaults._jinja_environment(autoescape=True)
    assert options["autoescape"] is True and "bytecode_cache" in options

    def read_only(self, *args, **kwargs):
        raise PermissionError(13, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", read_only)
    assert site_defaults._jinja_environment(autoescape=True) == {"autoescape": True}
