"""Preview settings for editors (`make review`): the site with every held article as a draft,
each marked as not checked, and a list of them at review/."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pelicanconf import *  # noqa: E402,F403
from pelicanconf import DIRECT_TEMPLATES  # noqa: E402

DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DIRECT_TEMPLATES = [*DIRECT_TEMPLATES, "review"]
REVIEW_SAVE_AS = "review/index.html"
