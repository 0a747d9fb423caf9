"""`python -m mkdocs_blogpost`: the same command line as `mkdocs-blogpost`."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
