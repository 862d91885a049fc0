"""Pelican settings of the example investigation (NHS patient records), for local builds:
relative URLs so output/ works from any folder. The generator's own settings come from
breachwatch/site_defaults.py; only the investigation's words and folders are here."""

from __future__ import annotations

import sys
from pathlib import Path

# Our plugins live in the repository root, two levels up (examples/health-records/).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from breachwatch.site_defaults import *  # noqa: E402,F403
from breachwatch.speed.fingerprint import package_fingerprint  # noqa: E402

AUTHOR = "The Health Records Investigation team"
SITENAME = "Patient Records Misuse: an example investigation"
SITEDESCRIPTION = (
    "How NHS and social-care staff look up patients' records without a care purpose, tell "
    "family, friends, the press or criminals what they find, sell it, or lose it - case by "
    "case, with every figure traced to its source sentence. An example: the incidents are "
    "invented."
)
SITE_HEADLINE = "Misuse of patient records in the NHS: the cases, the trusts, the figures"
SITE_LEDE = (
    "Receptionists, nurses, healthcare assistants, doctors and admin staff can open the "
    "records of almost any patient. Some look up neighbours, ex-partners and celebrities "
    "without a care purpose, pass what they read to family, friends, the press or criminals, "
    "sell it, or lose it. This example site gathers such reports case by case, tags each by "
    "trust or health board, type of breach and outcome, keeps allegations apart from proven "
    "findings, and links every figure to the sentence it comes from. Its articles are "
    "invented for the example."
)
CASES_INTRO = (
    "A case gathers the articles that report one incident, from allegation to outcome. Cases "
    "are found automatically (same trust or health board plus distinctive shared details "
    "such as a claims firm, a job or whose records were read, never the trust alone) and "
    "confirmed, split or merged by our editors."
)
CASE_ANONYMITY = (
    "Neither the member of staff nor the patients are identified here unless the sources name "
    "them."
)
# The investigation's data files: its taxonomies (taxonomies.yaml), gazetteer, cue phrases
# and rules; named from this file's folder, so any folder can run the build.
DATA_PATH = str(Path(__file__).resolve().parent / "data")
# For a plain `pelican` run: one cache folder per version of our code and data.
CACHE_PATH = f"cache/{package_fingerprint(DATA_PATH)[:16]}"
