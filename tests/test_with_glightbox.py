"""mkdocs-glightbox: post images and the cover open in the lightbox, captions describe them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import Tag
from support.browser import launch_chromium, serve_directory
from support.compat_sites import (
    ENGINES,
    PNG,
    POST_PAGES,
    POSTS,
    build_site,
    in_both_orders,
    orders,
)
from support.safety import TOKEN, html_injections

CAPTION = "One hundred and <em>twelve</em> steps, counted by the visitors."

#: The posts, the open day with a cover and a captioned image.
FILES: dict[str, str | bytes] = {
    **POSTS,
    "assets/img/stairs.png": PNG,
    "blog/posts/2024-05-20-open-day.md": """
        ---
        title: Open day
        img: harbour.png
        ---
        Visitors climbed the stairs.

        ![The spiral stairs](/assets/img/stairs.png)
        <small>One hundred and *twelve* steps, counted by the visitors.</small>
        """,
}


def _link_attrs(link: Tag) -> dict[str, str]:
    return {k: v if isinstance(v, str) else " ".join(v) for k, v in link.attrs.items()}


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("glightbox")
def test_the_caption_describes_the_image_and_the_cover_opens_too(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    built = build_site(tmp_path, FILES, {"plugins": plugins}, engine=engine)
    post = built.soup(POST_PAGES["open-day"])
    figure = post.select_one("figure.blogpost-figure")
    link = figure.select_one("a.glightbox")
    assert link["href"] == "../../../../../assets/img/stairs.png"
    assert link.img["alt"] == "The spiral stairs"
    assert figure.figcaption.decode_contents() == CAPTION
    # The slide shows the caption, formatting included, under the image.
    assert link["data-description"] == CAPTION
    # The cover gets the link glightbox gives the images it wraps.
    (cover,) = post.select("figure.blogpost-cover a.glightbox")
    assert cover["href"] == cover.img["src"] == "../../../../../assets/img/harbour.png"
    expected = {k: v for k, v in _link_attrs(link).items() if k not in ("href", "data-description")}
    assert {k: v for k, v in _link_attrs(cover).items() if k != "href"} == expected
    # The lightbox script is on the page.
    assert post.select_one("script#init-glightbox") is not None


@pytest.mark.parametrize("engine", ENGINES)
def test_glightbox_options_and_page_switches_hold_for_the_cover(
    tmp_path: Path, engine: str
) -> None:
    files = {
        **FILES,
        "blog/posts/2024-03-05-first-light.md": """
            ---
            title: First light
            img: harbour.png
            glightbox: false
            ---
            The keepers lit the lamp on a calm evening.
            """,
        "blog/posts/2024-04-12-fog-signal.md": f"""
            ---
            title: Fog signal
            ---
            ![The horn](/assets/img/stairs.png)
            <small>The horn" onmouseover="{TOKEN}(1) <span onclick={TOKEN}(2)>sounds</span> <script>{TOKEN}(3)</script>every thirty seconds</small>
            """,
    }
    options = {"glightbox": {"auto_caption": True, "width": "90vw", "caption_position": "top"}}
    plugins = ["search", "blogpost", options]
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine)
    post = built.soup(POST_PAGES["open-day"])
    (cover,) = post.select("figure.blogpost-cover a.glightbox")
    # glightbox's auto_caption makes the alt text the slide's title, on the cover too.
    assert cover["data-title"] == cover.img["alt"] == "Open day"
    assert cover["data-width"] == "90vw" and cover["data-desc-position"] == "top"
    # A page that turns the lightbox off keeps a plain cover.
    off = built.soup(POST_PAGES["first-light"])
    assert off.select("a.glightbox") == [] and off.select_one("figure.blogpost-cover img")
    # A hostile caption is sanitised text in the attribute, and safe HTML in the slide.
    horn = built.soup(POST_PAGES["fog-signal"]).select_one("figure.blogpost-figure a.glightbox")
    description = horn["data-description"]
    assert "thirty seconds" in description
    assert html_injections(str(horn), "link") == []
    assert html_injections(description, "description") == []
    assert description == 'The horn" onmouseover="pwn(1) <span>sounds</span> every thirty seconds'


@pytest.mark.browser
def test_the_lightbox_shows_the_caption_and_the_cover(tmp_path: Path) -> None:
    _, plugins = orders("glightbox")[0]
    built = build_site(tmp_path, FILES, {"plugins": plugins})
    with launch_chromium() as browser, serve_directory(built.site_dir) as base:
        page = browser.new_page()
        page.goto(base + POST_PAGES["open-day"].removesuffix("index.html"))
        page.click("figure.blogpost-figure a.glightbox")
        page.wait_for_selector(".glightbox-container .gslide-desc", state="visible")
        desc = page.inner_html(".glightbox-container .gslide.current .gslide-desc")
        assert desc.strip() == CAPTION
        page.keyboard.press("Escape")
        page.wait_for_selector(".glightbox-container", state="detached")
        page.click("figure.blogpost-cover a.glightbox")
        image = page.wait_for_selector(".glightbox-container .gslide.current .gslide-image img")
        assert image.get_attribute("src").endswith("assets/img/harbour.png")
