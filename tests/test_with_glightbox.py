"""mkdocs-glightbox: post images open in the lightbox and keep their captions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import ENGINES, PNG, POST_PAGES, POSTS, build_site, in_both_orders


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("glightbox")
def test_images_open_in_the_lightbox_with_their_caption_below(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = dict(POSTS)
    files["assets/img/stairs.png"] = PNG
    files["blog/posts/2024-05-20-open-day.md"] = """
        ---
        title: Open day
        ---
        Visitors climbed the stairs.

        ![The spiral stairs](/assets/img/stairs.png)
        <small>One hundred and twelve steps, counted by the visitors.</small>
        """
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    post = built.soup(POST_PAGES["open-day"])
    figure = post.select_one("figure.blogpost-figure")
    link = figure.select_one("a.glightbox")
    assert link["href"] == "../../../../../assets/img/stairs.png"
    assert link.img["alt"] == "The spiral stairs"
    assert figure.figcaption.get_text(strip=True) == (
        "One hundred and twelve steps, counted by the visitors."
    )
    # The lightbox script is on the page.
    assert post.select_one("script#init-glightbox") is not None
