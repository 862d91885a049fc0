"""The hostile seed corpus: committed text files plus cases that must be made at test time.

Byte-exact cases (encodings, line endings, NUL) are generated so no editor or git setting can
normalise them; big cases (10 MB, a 1 MB line) so the repository stays small; and cases that
are not plain files (symlink, FIFO, folder) because git cannot store them.
"""

from __future__ import annotations

import os
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

FILES = Path(__file__).parent / "seeds"

ARTICLE = "article"  # becomes a page with every sentence of the seed
ERROR = "error"  # one-line error naming the file; exit status 1; the rest still builds
SKIPPED = "skipped"  # warning: same text as another seed, published once
IGNORED = "ignored"  # warning: not a seed (wrong suffix, not a regular file)
SILENT = "silent"  # hidden files (editor swap files) are passed over without a word


@dataclass(frozen=True)
class Case:
    """What the ingest and build must make of one entry in seeds/."""

    outcome: str
    message: str = ""  # a fragment the one-line message (error or warning) must contain
    visible: tuple[str, ...] = ()  # text the article page must show exactly as given


BODY = (
    "A Metropolitan Police Service constable was dismissed after a misconduct hearing found "
    "he had searched police systems without a policing purpose.\n\n"
    "The panel said the officer accessed records 14 times between May and July 2022.\n"
)
HOSTILE_NAME = '"><img src=x onerror=alert(1)>.txt'
UNICODE_NAME = "café report № 7 (copy).txt"
URL_NAME = "report #5 at 100% ?.txt"  # characters with a meaning in URLs
FORGED_LOG_NAME = "x.txt: fine\nerror forged line.txt"
# Text of a file outside seeds/ that a symlink in seeds/ points at: it must never be published.
SECRET_TEXT = "This private note sits outside the seeds folder and must never be published."


def _article(title: str, *paragraphs: str) -> str:
    """A seed: headline, blank line, paragraphs, then a plain body so it always has text."""
    return "\n\n".join((title, *paragraphs, BODY))


def generated(big: bool = True) -> dict[str, bytes]:
    """Seeds whose exact bytes matter, or that are too big to commit."""
    cases = {
        "utf8_bom.txt": b"\xef\xbb\xbf" + _article("BOM headline for a leak").encode(),
        "cp1252.txt": _article(
            "Officer\u2019s \u201cdata\u201d fine of \u00a3500 \u2013 and \u20ac20",
            "He said \u201cI\u2019m sorry\u201d and paid \u00a3250 \u2026 in full.",
        ).encode("cp1252"),
        "latin1.txt": _article(
            "Caf\u00e9 owner\u2019s records: \u00bd of the \u00a3 fines".replace("\u2019", "'"),
            "The stra\u00dfe file and the na\u00efve r\u00e9sum\u00e9 cost \u00a3\u00bc million.",
        ).encode("latin-1"),
        "mixed_encoding.txt": (
            _article("Mixed \u201cUTF-8\u201d headline", "Price in UTF-8: \u00a3100.").encode()
            + b"Price in Windows-1252: \xa3200 and \x93quoted\x94.\n"
        ),
        "utf16_bom.txt": _article("UTF-16 headline \u00a3", "Saved by Notepad.").encode("utf-16"),
        "crlf.txt": _article("Windows line endings", "Line one.\nLine two.").replace(
            "\n", "\r\n").encode(),
        "lone_cr.txt": _article("Old Mac line endings", "Line one.\nLine two.").replace(
            "\n", "\r").encode(),
        "mixed_line_endings.txt": b"Mixed endings headline\r\n\r\nFirst.\rSecond.\n\r\n"
        + BODY.encode(),
        "no_final_newline.txt": _article("No final newline").rstrip("\n").encode(),
        "nul_byte.txt": _article("A NUL in the middle", "Before\x00after.").encode(),
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(5).randbytes(4000),
        "binary_no_nul.txt": bytes(random.Random(7).choice(range(1, 32)) for _ in range(3000)),
        "control_chars.txt": _article(  # and noncharacters XML forbids, which break feeds
            "Terminal \x1b[31mred\x1b[0m title\x07", "Bell\x07 and back\x08space and \x0cfeed.",
            "Officer sacked over \ufffe records \uffff", "Leaked \ufdd0 and \U0001fffe files.",
        ).encode(),
        "long_word.txt": _article("A very long word", "Supercalifragilistic" * 1000 + ".").encode(),
        "nested_brackets.txt": _article(
            "Brackets nested deeply",
            "(" * 5000 + "x" + ")" * 5000 + ".",
            "[" * 3000 + "y" + "]" * 3000 + ".",
            "*" * 5000 + " stars.",
            "_" * 5000 + " underscores.",
            "<" * 3000 + " angles.",
        ).encode(),
        "many_paragraphs.txt": _article(
            "Many short paragraphs",
            *(f"Paragraph number {i} says the officer searched record {i}." for i in range(2000)),
        ).encode(),
        HOSTILE_NAME: _article("A seed with a hostile file name").encode(),
        FORGED_LOG_NAME: _article("A file name with a newline in it").encode(),
        "duplicate_c_crlf.txt": (FILES / "duplicate_a.txt").read_bytes().replace(b"\n", b"\r\n"),
        UNICODE_NAME: _article("A seed with a Unicode file name").encode(),
        URL_NAME: _article("A seed whose file name means something in a URL").encode(),
    }
    if big:
        cases["one_mb_line.txt"] = one_mb_line()
        cases["ten_mb.txt"] = ten_mb_article()
    return cases


def _sentences(count: int, seed: int) -> list[str]:
    """Plain numbered sentences, distinct so each can be found on the page."""
    words = "officer record system search police data panel hearing file force".split()
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(words) for _ in range(10)).capitalize() + f" number {i}."
        for i in range(count)
    ]


def one_mb_line() -> bytes:
    """A whole article flattened onto a single line of about one megabyte, no newline."""
    line = ""
    for sentence in _sentences(20_000, 1):
        if len(line) + len(sentence) >= 1_000_000:
            break
        line += sentence + " "
    return line.strip().encode()


def ten_mb_article() -> bytes:
    """A ten-megabyte 'article': far beyond any news story."""
    paragraph = " ".join(_sentences(5, 2)) + "\n\n"
    return ("Ten megabyte headline\n\n" + paragraph * (10_000_000 // len(paragraph) + 1)).encode()


# An editor's correction with markup in it: editors are trusted, templates still escape it.
CORRECTED_SEED = "no_force.txt"
CORRECTED_TITLE = "<script>alert('corrected')</script> Council worker fined"
CORRECTION = f"title: \"{CORRECTED_TITLE}\"\nnote: <img src=x onerror=alert(1)>\n"


def write_corrections(content: Path) -> None:
    """The editor's correction for CORRECTED_SEED, in the content folder's corrections."""
    (content / "corrections").mkdir(parents=True, exist_ok=True)
    (content / "corrections" / f"{Path(CORRECTED_SEED).stem}.yaml").write_text(
        CORRECTION, encoding="utf-8"
    )


def write_corpus(target: Path, big: bool = True) -> Path:
    """Fill `target` with the whole corpus, including entries that are not regular files."""
    shutil.copytree(FILES, target)
    for name, data in generated(big).items():
        (target / name).write_bytes(data)
    (target / "folder.txt").mkdir()
    outside = target.parent / "outside_seeds.txt"
    outside.write_text(f"Secret headline\n\n{SECRET_TEXT}\n", encoding="utf-8")
    (target / "symlink_outside.txt").symlink_to(outside)
    os.mkfifo(target / "fifo.txt")
    (target / ".draft.txt.swp").write_bytes(b"\x00swap")
    return target


EXPECTED: dict[str, Case] = {
    # Nothing to publish: errors.
    "empty.txt": Case(ERROR, "empty"),
    "whitespace_only.txt": Case(ERROR, "empty or whitespace only"),
    "title_only.txt": Case(ERROR, "headline but no article text"),
    "boilerplate_only.txt": Case(ERROR, "no article text once page boilerplate is removed"),
    "nul_byte.txt": Case(ERROR, "NUL"),
    "binary.txt": Case(ERROR, "NUL"),
    "binary_no_nul.txt": Case(ERROR, "looks binary"),
    "ten_mb.txt": Case(ERROR, "MB"),
    "symlink_outside.txt": Case(ERROR, "symbolic link"),
    # Not seeds: warnings.
    "notes.md": Case(IGNORED, "ignored"),
    "README": Case(IGNORED, "ignored"),
    "uppercase_suffix.TXT": Case(IGNORED, "ignored"),
    "folder.txt": Case(IGNORED, "ignored"),
    "fifo.txt": Case(IGNORED, "ignored"),
    ".draft.txt.swp": Case(SILENT),
    # Same text twice: published once, warning.
    "duplicate_a.txt": Case(ARTICLE),
    "duplicate_b.txt": Case(SKIPPED, "same text as duplicate_a.txt"),
    "duplicate_c_crlf.txt": Case(SKIPPED, "same text as duplicate_a.txt"),
    FORGED_LOG_NAME: Case(ERROR, "control or invisible characters"),
    # Everything else is an article, some with a warning.
    "same_slug_a.txt": Case(ARTICLE),
    "same_slug_b.txt": Case(ARTICLE, "taken"),
    "no_force.txt": Case(ARTICLE, "no force found", visible=(CORRECTED_TITLE,)),
    "near_force_name.txt": Case(ARTICLE, "did you mean 'Metropolitan Police Service'"),
    "utf8_bom.txt": Case(ARTICLE, visible=("BOM headline for a leak",)),
    "cp1252.txt": Case(ARTICLE, visible=("\u201cI\u2019m sorry\u201d", "\u00a3250", "\u20ac20")),
    "latin1.txt": Case(ARTICLE, visible=("stra\u00dfe", "r\u00e9sum\u00e9", "\u00a3\u00bc")),
    "mixed_encoding.txt": Case(ARTICLE, visible=("\u201cUTF-8\u201d", "\u00a3100", "\u00a3200",
                                                 "\u201cquoted\u201d")),
    "utf16_bom.txt": Case(ARTICLE, visible=("UTF-16 headline \u00a3", "Saved by Notepad.")),
    "crlf.txt": Case(ARTICLE, visible=("Line one. Line two.",)),
    "lone_cr.txt": Case(ARTICLE, visible=("Line one. Line two.",)),
    "mixed_line_endings.txt": Case(ARTICLE, visible=("First. Second.",)),
    "no_final_newline.txt": Case(ARTICLE),
    "control_chars.txt": Case(ARTICLE, visible=("Terminal [31mred[0m title",
                                                "Officer sacked over records")),
    "long_word.txt": Case(ARTICLE),
    "nested_brackets.txt": Case(ARTICLE),
    "many_paragraphs.txt": Case(ARTICLE, visible=("Paragraph number 1999 says",)),
    "one_mb_line.txt": Case(ARTICLE),
    HOSTILE_NAME: Case(ARTICLE),
    UNICODE_NAME: Case(ARTICLE),
    URL_NAME: Case(ARTICLE),
    "pelican_metadata_in_body.txt": Case(ARTICLE, visible=(
        "Title: Hijacked headline", "Save_as: ../../../evil.html", "Status: draft",
        "Summary: <script>alert(1)</script>")),
    "yaml_front_matter.txt": Case(ARTICLE, visible=("title: in the body", "---")),
    "metadata_lines_seed.txt": Case(ARTICLE, visible=("Seed: duplicate_a.txt",)),
    "html_script.txt": Case(ARTICLE, visible=("<script>alert(1)</script>",)),
    "html_img_onerror.txt": Case(ARTICLE, visible=("<img src=x onerror=alert(1)>",)),
    "javascript_links.txt": Case(ARTICLE, visible=("[click](javascript:alert(2))",
                                                   "[1]: javascript:alert(3)")),
    "raw_iframe_object.txt": Case(ARTICLE, visible=('<iframe src="https://evil.example/">',)),
    "markdown_headings.txt": Case(ARTICLE, visible=("# Not a heading", "Setext line one ===")),
    "markdown_tables.txt": Case(ARTICLE, visible=("| Force | Breaches |",)),
    "markdown_code.txt": Case(ARTICLE, visible=("Use `rm -rf /` to clean up.",)),
    "markdown_emphasis_rules.txt": Case(ARTICLE, visible=("**bold** and __bold__", "***",
                                                          "> A quote", "1. First")),
    "html_entities_comments.txt": Case(ARTICLE, visible=("AT&amp;T and &copy;",
                                                         "<!-- a hidden comment -->")),
    "markdown_extensions_syntax.txt": Case(ARTICLE, visible=("[^1]: The footnote.", "[TOC]")),
    "template_injection.txt": Case(ARTICLE, visible=(
        "{{ 7*7 }}", "{% include 'base.html' %}", '=HYPERLINK("https://evil.example/',
        "+cmd|' /C calc'!A0")),
    "html_in_title.txt": Case(ARTICLE, visible=("<b>Bold</b>",)),
    "attribute_breakout_title.txt": Case(ARTICLE, visible=('" onmouseover="alert(1)"',)),
    "feed_breakers.txt": Case(ARTICLE, visible=("]]> and </content>",)),
    "plain_urls.txt": Case(ARTICLE, visible=("https://example.com/a?b=1&c=<2>",)),
    "backslashes.txt": Case(ARTICLE, visible=("C:\\Users\\Police\\records.xlsx",
                                              "\\\\server\\share")),
    "rtl_text.txt": Case(ARTICLE, visible=("\u05d4\u05e9\u05d5\u05d8\u05e8",)),
    "zero_width.txt": Case(ARTICLE, visible=("officer\u200b searched",)),
    "emoji.txt": Case(ARTICLE, visible=("\U0001F468\u200D\U0001F469\u200D\U0001F467",)),
    "emoji_only_title.txt": Case(ARTICLE),
    "punctuation_title.txt": Case(ARTICLE),
    "long_title.txt": Case(ARTICLE),
    "very_long_first_line.txt": Case(ARTICLE),
    "invalid_dates.txt": Case(ARTICLE, visible=("31 February 2023",)),
    "huge_numbers.txt": Case(ARTICLE, visible=("1e309 officers",)),
    "rich_markup.txt": Case(ARTICLE, visible=("[bold]markup[/bold] [/i]",)),
}
