"""Allow `python -m breachwatch` so the Makefile needs no installed script."""
import logging
import os
import sys

from breachwatch.cli import main

status = main()
# Every file is written and closed by now. Freeing the millions of objects of a built site one
# by one took over a second at 10,000 articles, so the process ends without that teardown.
logging.shutdown()
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
