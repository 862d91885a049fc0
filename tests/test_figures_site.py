"""Walk the built site: every figure shown links to a sentence anchor that contains it."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT, SEEDS

from breachwatch.cli import main
from breachwatch.sentences import normalise_space

DIGIT = re.compile(r"\d")


class _Page(HTMLParser):
    """Collects ids with their text, links, and digits outside links in data tables/charts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.ids: dict[str, list[str]] = {}
        self.open_ids: list[str] = []
        self.links: list[dict] = []
        self.unlinked: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag in {"br", "img", "meta", "link", "input", "hr", "rect"}:
            return
        self.stack.append((tag, attrs))
        if "id" in attrs:
            self.ids[attrs["id"]] = []
            self.open_ids.append(attrs["id"])
        if tag == "a":
            self.links.append({"href": attrs.get("href", ""),
                               "class": attrs.get("class", ""), "text": ""})

    def handle_startendtag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids[attrs["id"]] = []

    def handle_endtag(self, tag) -> None:
        while self.stack:
            name, attrs = self.stack.pop()
            if "id" in attrs and attrs["id"] in self.open_ids:
                self.open_ids.remove(attrs["id"])
            if name == tag:
                break

    def _inside(self, predicate) -> bool:
        return any(predicate(tag, attrs) for tag, attrs in self.stack)

    def handle_data(self, data) -> None:
        for open_id in self.open_ids:
            self.ids[open_id].append(data)
        in_link = self._inside(lambda t, a: t == "a")
        if in_link:
            self.links[-1]["text"] += data
        in_numbers = self._inside(
            lambda t, a: (t == "table" and "data-table" in a.get("class", ""))
            or (t == "svg" and "chart" in a.get("class", "")))
        exempt = self._inside(lambda t, a: t in {"th", "caption", "title", "desc"}
                              or "period" in a.get("class", "").split())
        if in_numbers and not in_link and not exempt and DIGIT.search(data):
            self.unlinked.append(data.strip())


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("walk")
    shutil.copytree(SEEDS, tmp / "seeds")
    shutil.copytree(ROOT / "content" / "pages", tmp / "content" / "pages")
    assert main(["build", "--seeds", str(tmp / "seeds"), "--content", str(tmp / "content"),
                 "--output", str(tmp / "output"), "--settings",
                 str(ROOT / "pelicanconf.py")]) == 0
    return tmp / "output"


def resolve(page: Path, href: str, out: Path) -> tuple[Path, str]:
    """The file a relative link points to, and its fragment."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, f"{page}: link to another host: {href}"
    assert not parts.path.startswith("/"), f"{page}: root-relative link breaks sub-paths"
    target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    assert out.resolve() in target.parents or target == out.resolve(), href
    return target, parts.fragment


def test_every_figure_links_to_a_sentence_that_contains_it(out: Path) -> None:
    checked = 0
    parsed: dict[Path, _Page] = {}
    for page in sorted(out.rglob("*.html")):
        info = parse(page)
        assert not info.unlinked, f"{page}: numbers without a source link: {info.unlinked}"
        for link in info.links:
            classes = link["class"].split()
            if "figure-value" not in classes and "count-value" not in classes:
                continue
            target, fragment = resolve(page, link["href"], out)
            assert target.is_file(), f"{page}: {link['href']} leads nowhere"
            if "count-value" in classes:
                if fragment:
                    assert fragment in parsed.setdefault(target, parse(target)).ids
                continue
            assert re.fullmatch(r"s\d+", fragment), f"{page}: {link['href']} has no sentence"
            anchors = parsed.setdefault(target, parse(target)).ids
            assert fragment in anchors, f"{page}: no anchor {link['href']}"
            sentence = normalise_space("".join(anchors[fragment]))
            assert normalise_space(link["text"]) in sentence, (link, sentence)
            checked += 1
    assert checked >= 40  # figures on articles, data page, home, force pages and charts


def test_headline_figures_and_force_charts_are_shown(out: Path) -> None:
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "2,315" in home or "Key figures" not in home
    force = (out / "forces" / "west-midlands-police" / "index.html").read_text(encoding="utf-8")
    assert 'class="chart"' in force and ">488<" in force and ">202<" in force
    met = (out / "forces" / "metropolitan-police-service" / "index.html").read_text("utf-8")
    assert ">488<" not in met  # charts on a force page are the ones that include it


def test_the_site_makes_no_request_to_other_hosts(out: Path) -> None:
    for page in sorted(out.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        # A link to the original article is followed only if the reader chooses to.
        text = re.sub(r'<a class="original" href="https?://[^"]*"', "<a", text)
        for attribute in re.findall(r'\s(?:src|href)="([^"]*)"', text):
            assert not re.match(r"(?:[a-z]+:)?//", attribute), (page, attribute)
        # Only structured data inline; script files (search page) come from this site.
        for script in re.findall(r"<script\b[^>]*>", text):
            src = re.search(r'\ssrc="([^"]*)"', script)
            assert src or 'type="application/ld+json"' in script, (page, script)
