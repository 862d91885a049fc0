"""Real-browser tests: Chromium via Playwright against a locally served build."""
