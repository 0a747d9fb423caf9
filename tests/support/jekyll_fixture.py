"""The team's Jekyll fixture blog, and copying it into a docs tree by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

#: A Jekyll blog of the theme family, written for these tests.
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "jekyll-blog"


def copy_by_hand(docs: Path) -> None:
    """Copy the blog into `docs` as the README's manual route says (no home page)."""
    shutil.copytree(FIXTURE / "_posts", docs / "blog" / "posts")
    shutil.copytree(FIXTURE / "assets", docs / "assets")
    shutil.copy(FIXTURE / "about.md", docs / "about.md")
