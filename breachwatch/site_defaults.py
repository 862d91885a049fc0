"""The generator's Pelican settings, shared by every investigation: its plugins, Markdown
and Jinja options, caches, URLs and feeds. An investigation's pelicanconf.py imports them all
and adds its own words, its data folder (DATA_PATH) and its cache folder; it may override any."""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache

from breachwatch.plugins.ordering import newest_first

# The checkout: its theme/ and its (ignored) cache/ folder serve every investigation.
ROOT = Path(__file__).resolve().parent.parent


def _jinja_environment(**options: object) -> dict[str, object]:
    """Jinja's options, with compiled templates kept in the checkout's (ignored) cache folder
    when it can be written (Jinja checks each against its template's source)."""
    folder = ROOT / "cache" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout: templates are compiled on every build
        return options
    return {**options, "bytecode_cache": FileSystemBytecodeCache(str(folder))}


SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"
# One language, no translations: Pelican's translation grouping is quadratic in the number of
# articles (1.1 s at 10,000) and finds nothing. Two articles with one slug still fail the
# build, as two pages for one path.
ARTICLE_TRANSLATION_ID = None
LOCALE = ("C.UTF-8",)
DEFAULT_DATE_FORMAT = "%-d %B %Y"

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
IGNORE_FILES = [".*", "corrections"]
STATIC_PATHS = ["extra/_headers"]
# HTTP headers (CSP) for hosts that read a _headers file, at the root of the site.
EXTRA_PATH_METADATA = {"extra/_headers": {"path": "_headers"}}
# The generator's theme, shared by every investigation.
THEME = str(ROOT / "theme")

PLUGINS = [
    # First: reads DATA_PATH and completes and checks every setting our plugins declare.
    "breachwatch.plugins.settings",
    "breachwatch.speed.file_stamps",
    "breachwatch.speed.cache_writer",
    "breachwatch.speed.content_snapshots",
    "breachwatch.speed.markdown_reader",
    # Open data and the export write their files in the background from the finished context
    # (their generators set writes_in_background; build.py runs them first).
    "breachwatch.plugins.opendata",
    "breachwatch.plugins.taxonomies",
    "breachwatch.plugins.export",
    # Doubtful articles are held back for an editor before anything lists them.
    "breachwatch.plugins.review",
    # Investigative layer: sentence anchors, cases, figures, charts (in this order).
    "breachwatch.plugins.anchors",
    "breachwatch.plugins.evidence",
    "breachwatch.plugins.cases",
    "breachwatch.plugins.figures",
    "breachwatch.plugins.charts",
    # Reader's site: related articles, breakdown counts, sitemap and robots.txt.
    "breachwatch.plugins.related",
    "breachwatch.plugins.breakdowns",
    "breachwatch.plugins.seo",
    "breachwatch.plugins.fixed_urls",
    "breachwatch.plugins.unwritten_lists",
]

# Only core Markdown syntax: seed text is escaped for it, and no extension can turn
# article text into tables, footnotes or attribute lists.
MARKDOWN = {
    "extension_configs": {"markdown.extensions.meta": {}},
    "output_format": "html5",
}
# Autoescape every template variable; rendered article HTML is marked safe explicitly.
JINJA_ENVIRONMENT = _jinja_environment(trim_blocks=True, lstrip_blocks=True, autoescape=True)

ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
ARTICLE_ORDER_BY = newest_first

# Our own taxonomies (DATA_PATH/taxonomies.yaml) replace Pelican's categories, tags and
# authors; each term page's settings default to <name>/{slug}/ (<SINGULAR>_URL,
# <SINGULAR>_SAVE_AS, <SINGULAR>_FEED_ATOM, ...). The settings our plugins read (cases, open
# data, charts, search, sources) have their defaults where each plugin declares them
# (breachwatch/settings.py lists how); a settings file sets only what it changes.
DATA_LICENCE = (
    "The metadata, figures and cases (the files on this page) are released under the "
    "Creative Commons Attribution 4.0 licence (CC BY 4.0). The article texts remain the "
    "copyright of their publishers and are not covered by this licence."
)

# Articles held for an editor's check (DATA_PATH/review.yaml) are drafts, and the
# published site writes no draft: `make review` previews them (reviewconf.py).
# PUBLISH_UNREVIEWED = True publishes them instead, each with a notice.
DRAFT_URL = DRAFT_SAVE_AS = ""

CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = "archives/index.html"
ARCHIVES_URL = "archives/"
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "archives"]

FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ATOM = FEED_RSS = FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 50

DEFAULT_PAGINATION = 50
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
SUMMARY_MAX_LENGTH = 40
DELETE_OUTPUT_DIRECTORY = False
# Pelican's content cache, of whole articles (kept as our content_snapshots plugin pickles
# them): warm and one-edit rebuilds neither convert nor make again an unchanged article. Files
# are compared by content hash, not mtime; the build keeps it in the site's store, one per
# version of code, data and settings (breachwatch/speed/store.py, folder()).
CACHE_CONTENT = True
# Uncompressed: compressing it cost about 2 s of every rebuild at 10,000 articles (profiled).
GZIP_CACHE = False
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
CONTENT_CACHING_LAYER = "generator"
PAGINATED_TEMPLATES = {"index": None, "archives": None, "term": None}
