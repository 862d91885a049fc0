"""Production settings: absolute URLs under the site's real address (a sub-path works)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pelicanconf import *  # noqa: E402,F403

# Set SITEURL in the environment to publish elsewhere, e.g. https://news.example/investigation
SITEURL = os.environ.get("SITEURL", "https://example.org/health-records").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
