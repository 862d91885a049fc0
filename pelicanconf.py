"""Pelican settings of the police investigation, for local builds: relative URLs so output/
works from any folder. The generator's own settings come from breachwatch/site_defaults.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # our plugins live in this checkout

from breachwatch.site_defaults import *  # noqa: E402,F403
from breachwatch.speed.fingerprint import package_fingerprint  # noqa: E402

AUTHOR = "The Police Data Investigation team"
SITENAME = "Police Data Misuse: an investigation"
SITEDESCRIPTION = (
    "How UK police officers and staff look people up without a policing purpose, leak to "
    "criminals, embassies or journalists, sell information, or lose it - case by case, "
    "with every figure traced to its source sentence."
)
SITE_HEADLINE = "Misuse of police data in the UK: the cases, the forces, the figures"
SITE_LEDE = (
    "Across the UK, police officers and staff have looked people up on police systems without "
    "a policing purpose, passed what they found to criminals, embassies or journalists, sold "
    "it, or lost it. We gather the published reporting case by case, tag each article by "
    "force, type of breach and outcome, keep allegations apart from proven findings, and link "
    "every figure to the sentence it comes from."
)
CASES_INTRO = (
    "A case gathers the articles that report one incident, from allegation to outcome. Cases "
    "are found automatically (same force plus distinctive shared details such as an embassy, "
    "a role or the person targeted, never the force alone) and confirmed, split or merged by "
    "our editors."
)
CASE_ANONYMITY = "The officer's identity is not reported here unless the sources name them."
# The investigation's data files: its taxonomies (taxonomies.yaml), gazetteer, cue phrases
# and rules; named from this file's folder, so any folder can run the build.
DATA_PATH = str(Path(__file__).resolve().parent / "breachwatch" / "data")
# For a plain `pelican` run (make serve): one cache folder per version of our code and data.
CACHE_PATH = f"cache/{package_fingerprint(DATA_PATH)[:16]}"
