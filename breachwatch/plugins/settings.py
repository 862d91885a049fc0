"""First of our plugins: points the process at the investigation's data folder, gives every
declared setting its default, and stops a build with one clear error on a bad setting."""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.settings import DEFAULT_CONFIG

from breachwatch.datafiles import DATA_DIR as DEFAULT_DATA
from breachwatch.datafiles import use_data
from breachwatch.settings import Setting, absolute_data_path, apply_defaults, declare
from breachwatch.sources import SOURCE_DIR
from breachwatch.taxonomy import taxonomies

# The investigation's own words in the theme: each settings file gives them.
declare(
    Setting("SITEDESCRIPTION", "", "one sentence on what the investigation is about", (str,)),
    Setting("SITE_HEADLINE", "", "the home page's heading", (str,)),
    Setting("SITE_LEDE", "", "the home page's first paragraph", (str,)),
    Setting("CASES_INTRO", "", "the cases page's first paragraph: what makes a case", (str,)),
    Setting("CASE_ANONYMITY", "", "said on every case page about whom it does not identify",
            (str,)),
    Setting("SEARCH_URL", "search/", "the search page's URL", (str,)),
    Setting("SOURCE_URL", SOURCE_DIR + "/{seed}", "where each raw seed is published ({seed}: "
            "its file name)", (str,)),
)


def start(pelican: Any) -> None:
    """Read the data folder the settings name, then complete and check the settings."""
    settings = pelican.settings
    use_data(absolute_data_path(settings.get("DATA_PATH") or DEFAULT_DATA, "settings"))
    for taxonomy in taxonomies():
        declare(*(Setting(name, value, f"{taxonomy.title}: page or feed path (None: none)",
                          (str, type(None)))
                  for name, value in taxonomy.default_settings().items()))
    apply_defaults(settings, DEFAULT_CONFIG)


def register() -> None:
    """Pelican plugin entry point."""
    signals.initialized.connect(start)
