"""Read built pages the way a browser would: visible text, and anything that could run script."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

from breachwatch.sentences import normalise_space

ROOT = Path(__file__).resolve().parents[2]
# Elements that run code, embed another document, or redirect the page.
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
# Attributes holding a URL the browser may fetch or navigate to.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                  "srcset", "background", "manifest", "ping", "cite"}
# Attributes whose URL the browser loads on its own, without a click.
FETCHED = {"src", "srcset", "data", "poster", "background", "manifest"}
_SCRIPT_SCHEMES = re.compile(r"^(?:javascript|vbscript|livescript|data\s*:\s*text/html)\s*:?", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]+")
# A stylesheet reference to another host: url(https://...) or @import "//...".
_CSS_REMOTE = re.compile(
    r"""(?:url\(|@import)\s*["']?\s*((?:[a-z][a-z0-9+.-]*:)?//[^"')\s]*)""", re.I
)


class _Visible(HTMLParser):
    """Collects text a reader sees: everything outside script, style, template and head."""

    HIDDEN = {"script", "style", "head", "template", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(page: str) -> str:
    """The page's visible text with whitespace runs collapsed, as a reader would copy it."""
    parser = _Visible()
    parser.feed(page)
    parser.close()
    return normalise_space(" ".join(parser.parts))


class _Dangers(HTMLParser):
    """Finds every element or attribute in an HTML document that could run script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        self._check(tag, dict(attrs))

    def handle_startendtag(self, tag: str, attrs) -> None:
        self._check(tag, dict(attrs))

    def _check(self, tag: str, attrs: dict[str, str | None]) -> None:
        line = self.getpos()[0]
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"line {line}: <{tag}>")
        if tag == "script" and not attrs.get("src") and attrs.get("type") != "application/ld+json":
            self.found.append(f"line {line}: inline <script>")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.found.append(f"line {line}: <meta http-equiv=refresh>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"line {line}: <{tag} {name}=...> event handler")
            plain = _INVISIBLE.sub("", html.unescape(value or ""))
            if name in URL_ATTRIBUTES and _SCRIPT_SCHEMES.match(plain):
                self.found.append(f"line {line}: <{tag} {name}={value!r}>")
            elif "javascript:" in plain.lower() and name == "style":
                self.found.append(f"line {line}: <{tag} {name}={value!r}>")
            if name in FETCHED | ({"href"} if tag == "link" else set()) and _other_host(plain):
                self.found.append(f"line {line}: <{tag} {name}={value!r}> loads another host")


def _other_host(url: str) -> bool:
    """A URL that makes the browser contact a host other than the site's own."""
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.I))


def html_dangers(page: str) -> list[str]:
    """Every script-running element or attribute in an HTML document, with its line."""
    parser = _Dangers()
    parser.feed(page)
    parser.close()
    return parser.found


def feed_dangers(feed: str) -> list[str]:
    """Script in the HTML a feed reader would render from an Atom or RSS feed."""
    found = []
    for element in ElementTree.fromstring(feed.encode("utf-8")).iter():
        if element.text and element.get("type") in {"html", "xhtml"}:
            found += html_dangers(element.text)
        elif element.tag.endswith(("}description", "}content")) and element.text:
            found += html_dangers(element.text)
    return found


def site_dangers(output: Path) -> dict[str, list[str]]:
    """Walk a built site: every HTML, SVG and feed file with what could run script in it."""
    report = {}
    for path in sorted(output.rglob("*")):
        if path.suffix in {".html", ".htm", ".svg"}:
            found = html_dangers(path.read_text(encoding="utf-8"))
        elif path.suffix == ".xml" and "feeds" in path.parts:
            found = feed_dangers(path.read_text(encoding="utf-8"))
        elif path.suffix == ".css":
            found = [f"loads {url}" for url in _CSS_REMOTE.findall(path.read_text("utf-8"))]
        else:
            continue
        if found:
            report[str(path.relative_to(output))] = found
    return report


def new_content(target: Path) -> Path:
    """A content folder with the site's pages, cases file and extras, but no articles."""
    for name in ("pages", "extra"):
        if (ROOT / "content" / name).is_dir():
            shutil.copytree(ROOT / "content" / name, target / name)
    shutil.copy(ROOT / "content" / "cases.yaml", target / "cases.yaml")
    return target


def run_cli(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `python -m breachwatch` as an editor would, capturing its exit status and stderr."""
    return subprocess.run(
        [sys.executable, "-m", "breachwatch", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, env=env, check=False,
    )


def unreviewed_settings(folder: Path) -> Path:
    """Settings that publish held articles too: for tests of what reaches the page, not of
    the classification."""
    path = folder / "unreviewed.py"
    path.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                    f"from pelicanconf import *\nPUBLISH_UNREVIEWED = True\n"
                    f"THEME = {str(ROOT / 'theme')!r}\n", encoding="utf-8")
    return path


def build_cli(seeds: Path, content: Path, output: Path, settings: Path | None = None,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m breachwatch build` on the given folders."""
    return run_cli(
        "build", "--seeds", seeds, "--content", content, "--output", output,
        "--settings", settings or ROOT / "pelicanconf.py", env=env,
    )


class _Links(HTMLParser):
    """Collects every href and src of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        self.urls += [value for name, value in attrs if name in {"href", "src"} and value]


def broken_links(output: Path) -> list[tuple[str, str]]:
    """(page, URL) of every link or resource inside the site that names no file in `output`."""
    origin = "http://site.invalid/"
    broken = []
    for page in sorted(output.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        here = str(page.relative_to(output))
        for url in parser.urls:
            target = urlsplit(urljoin(origin + here, url))
            if f"{target.scheme}://{target.netloc}/" != origin:
                continue  # another scheme or host: not ours to check here
            path = output / unquote(target.path.lstrip("/"))
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append((here, url))
    return broken
