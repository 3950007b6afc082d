"""`python -m macros.engine build|serve` (macros/engine/cli.py)."""

import sys

from macros.engine.cli import main

sys.exit(main())
