"""mkdocs-blogpost: a real blog inside your MkDocs site, from Jekyll-style posts."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"

# ProperDocs (the maintained fork of MkDocs 1.x) asks plugins that support it to say so
# here, in their topmost module: under the `mkdocs` command its notice then tells users
# they can switch; under `properdocs` it prints nothing. ProperDocs is optional, so a
# site built with MkDocs alone skips this.
try:
    import properdocs.replacement_warning
except ImportError:
    pass
else:
    properdocs.replacement_warning.setup()
