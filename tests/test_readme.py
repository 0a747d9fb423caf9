"""The README a newcomer reads: every picture and local file it links to is in the repository."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Examples of posts and configs name paths of the reader's site, not of this repository.
PROSE = re.sub(r"`[^`\n]*`", "", re.sub(r"(?ms)^```.*?^```", "", README))
# `src="..."` of HTML images and `](...)` of Markdown links and images, not web addresses
# or anchors.
LOCAL = re.compile(r'(?:src="|\]\()(?!https?:|#|mailto:)([^")\s#]+)')


def test_every_local_picture_and_file_the_readme_names_exists() -> None:
    named = sorted(set(LOCAL.findall(PROSE)))
    assert any(path.startswith("docs-images/") for path in named)
    missing = [path for path in named if not (ROOT / path).exists()]
    assert missing == []


def test_the_screenshots_are_small() -> None:
    pictures = sorted((ROOT / "docs-images").glob("*.png"))
    # A post and the index in Material light and dark, mkdocs and readthedocs.
    assert len(pictures) == 8
    assert all(p.stat().st_size < 60_000 for p in pictures), [p.name for p in pictures]
