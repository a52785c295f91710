"""Allow `python -m tui [DB]`."""

import sys

from timeline.config import resolve_db_url
from tui.app import make_app

make_app(resolve_db_url(sys.argv[1] if len(sys.argv) > 1 else None)).run()
