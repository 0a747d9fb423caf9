"""Material's `social` cards: one card and one image per post, the card's; posts stay articles.

The plugin downloads its font from Google Fonts on first use; its cache is filled with
DejaVu (Debian's fonts-dejavu-core) instead, so the cards are drawn offline.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, POST_PAGES, POSTS, build_site, orders

FONTS = Path("/usr/share/fonts/truetype/dejavu")
SOCIAL = {"social": {"cache_dir": "social-cache"}}
BLOGPOST = {"blogpost": {"twitter_site": "lighthouse"}}
BOTH_ORDERS = orders(SOCIAL, BLOGPOST)

#: The posts, the first one changed after it was published.
FILES: dict[str, str | bytes] = {
    **POSTS,
    "blog/posts/2024-03-05-first-light.md": """
        ---
        title: First light
        description: The lamp is lit for the season.
        tags: [lamp, season]
        categories: [keepers]
        img: harbour.png
        updated: 2024-03-09
        ---
        The keepers lit the lamp on a calm evening, and the beam reached the far reef.
        """,
}


def _fonts(root: Path) -> None:
    target = root / "social-cache" / "fonts" / "Roboto"
    target.mkdir(parents=True)
    for name, style in (("DejaVuSans.ttf", "Regular"), ("DejaVuSans-Bold.ttf", "Bold")):
        source = FONTS / name
        if not source.is_file():
            pytest.fail(f"{source} is missing: install Debian's fonts-dejavu-core")
        shutil.copy(source, target / f"{style}.ttf")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("plugins", [p for _, p in BOTH_ORDERS], ids=[n for n, _ in BOTH_ORDERS])
def test_a_post_has_one_card_the_social_image_and_its_article_tags(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    _fonts(tmp_path)
    built = build_site(tmp_path, FILES, {"plugins": plugins}, engine=engine)
    head = built.soup(POST_PAGES["first-light"]).head

    def values(key: str, where: Any = head) -> list[str]:
        found = where.select(f'meta[name="{key}"]') + where.select(f'meta[property="{key}"]')
        return [m["content"] for m in found]

    assert values("twitter:card") == ["summary_large_image"]
    (card,) = values("og:image")
    # Material's card wins over the post's cover, and its file is there.
    assert "/assets/images/social/" in card
    assert values("twitter:image") == [card]
    rel = card.removeprefix("https://example.org/docs/")
    assert (built.site_dir / rel).read_bytes()[:4] == b"\x89PNG"
    assert len(head.select('script[type="application/ld+json"]')) == 1
    # Material calls every page a website; a post is an article, with its dates and tags.
    assert values("og:type") == ["article"]
    assert values("og:title") == ["First light - Lighthouse"]
    assert values("article:published_time") == ["2024-03-05T00:00:00+00:00"]
    assert values("article:modified_time") == ["2024-03-09T00:00:00+00:00"]
    assert values("article:section") == ["keepers"]
    assert values("article:tag") == ["lamp", "season"]
    # One Twitter card, Material's, spelled with `property`; the site's handle joins it.
    assert values("twitter:site") == ["@lighthouse"]
    assert head.select('meta[name^="twitter:"]') == []
    # Listing pages are websites, as Material says, and get no article tags.
    listing = built.soup("blog/index.html").head
    assert values("og:type", listing) == ["website"]
    assert values("article:published_time", listing) == []
