"""mkdocs-blogpost: a real blog inside your MkDocs site, from Jekyll-style posts."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
