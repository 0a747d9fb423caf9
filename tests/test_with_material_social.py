"""Material's `social` cards: one Twitter card and one image per post, the card's.

The plugin downloads its font from Google Fonts on first use; its cache is filled with
DejaVu (Debian's fonts-dejavu-core) instead, so the cards are drawn offline.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, POST_PAGES, POSTS, build_site, in_both_orders

FONTS = Path("/usr/share/fonts/truetype/dejavu")
SOCIAL = {"social": {"cache_dir": "social-cache"}}


def _fonts(root: Path) -> None:
    target = root / "social-cache" / "fonts" / "Roboto"
    target.mkdir(parents=True)
    for name, style in (("DejaVuSans.ttf", "Regular"), ("DejaVuSans-Bold.ttf", "Bold")):
        source = FONTS / name
        if not source.is_file():
            pytest.fail(f"{source} is missing: install Debian's fonts-dejavu-core")
        shutil.copy(source, target / f"{style}.ttf")


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders(SOCIAL)
def test_a_post_has_one_card_and_the_social_image(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    _fonts(tmp_path)
    built = build_site(tmp_path, POSTS, {"plugins": plugins}, engine=engine)
    head = built.soup(POST_PAGES["first-light"]).head

    def values(key: str) -> list[str]:
        found = head.select(f'meta[name="{key}"]') + head.select(f'meta[property="{key}"]')
        return [m["content"] for m in found]

    assert values("twitter:card") == ["summary_large_image"]
    (card,) = values("og:image")
    # Material's card wins over the post's cover, and its file is there.
    assert "/assets/images/social/" in card
    assert values("twitter:image") == [card]
    rel = card.removeprefix("https://example.org/docs/")
    assert (built.site_dir / rel).read_bytes()[:4] == b"\x89PNG"
    assert len(head.select('script[type="application/ld+json"]')) == 1
