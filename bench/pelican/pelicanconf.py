"""Bare Pelican 4.12 settings for the benchmark: default theme, forces and breaches as tags.

Only what a newcomer would set: site name, relative URLs, pagination like our site's (50 per
page), and Pelican's own content cache so the warm rebuild measures Pelican at its best.
PATH, OUTPUT_PATH and CACHE_PATH come from the command line (bench/run.py).
"""

AUTHOR = "Benchmark"
SITENAME = "Bare Pelican benchmark"
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 50
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tag.{slug}.atom.xml"
