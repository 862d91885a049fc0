"""Allow `python -m breachwatch` so the Makefile needs no installed script."""
from breachwatch.cli import main

raise SystemExit(main())
