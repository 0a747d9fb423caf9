"""Browser checks: the built example site in headless Chromium, and feed links in Material.

Builds `example-site/`, serves it on 127.0.0.1 and opens a post in Chromium through
Playwright, in Material's light and dark palettes (by `prefers-color-scheme`, as the
example's config switches palettes by media query) and in the `mkdocs` and
`readthedocs` themes. It checks the computed styles of the pull quote (`<tweet>`) and the
image caption, and that the share link decodes to the quote and the post's address.
Screenshots go to `test-artifacts/browser/` (not committed). A blog built with Material
and served at its own `site_url` is loaded page by page to count the requests Material's
scripts make for `sitemap.xml`, and to read the feed links a browser finds in the head.

Without `/usr/bin/chromium` the tests are skipped, except under CI (`CI` set), where
they fail: CI must run them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from support.browser import launch_chromium, serve_directory, serve_example_site, unavailable
from support.build import make_config, run_build, write_tree

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "browser"
POST_URL = "blog/2024/06/30/shipping-docs-like-code/"
QUOTE = "Documentation that is not reviewed is documentation that nobody owns."
CAPTION = "The build dashboard on the first day of docs-as-code"
TWEET_BLUE = "rgb(29, 155, 240)"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_chromium() as instance:
        yield instance


def _build_and_serve(theme: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_example_site(theme, tmp_path_factory.mktemp(f"example-{theme}")) as base:
        yield base


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site as configured (Material, palettes by media query); its base URL."""
    yield from _build_and_serve("material", tmp_path_factory)


@pytest.fixture(scope="module", params=["mkdocs", "readthedocs"])
def standalone(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """The example site in one of MkDocs' own themes; (theme, base URL)."""
    for base in _build_and_serve(request.param, tmp_path_factory):
        yield request.param, base


def _open(browser: Any, base: str, scheme: str) -> Any:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1200, "height": 900})
    # Only the local server: web fonts and the like must not slow or break the check.
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(base) else route.abort(),
    )
    page = context.new_page()
    page.goto(base + POST_URL, wait_until="domcontentloaded")
    page.wait_for_selector("div.blogpost-tweet")
    return page


def _style(page: Any, selector: str, prop: str, pseudo: str | None = None) -> str:
    return page.eval_on_selector(
        selector,
        "(el, [prop, pseudo]) => getComputedStyle(el, pseudo).getPropertyValue(prop)",
        [prop, pseudo],
    )


def _resolve(page: Any, prop: str, expression: str, inside: str = "article") -> str:
    """Computed value of `prop: expression` on a probe element placed `inside`."""
    return page.eval_on_selector(
        inside,
        """(parent, [prop, expression]) => {
            const probe = document.createElement("span");
            probe.style.setProperty(prop, expression);
            parent.appendChild(probe);
            const value = getComputedStyle(probe).getPropertyValue(prop);
            probe.remove();
            return value;
        }""",
        [prop, expression],
    )


def _rgba(value: str) -> tuple[float, float, float, float]:
    """Parse a computed colour: `rgb()`, `rgba()` or `color(srgb ...)` (from color-mix)."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", value)]
    scale = 255.0 if value.startswith("color(") else 1.0
    r, g, b = (n * scale for n in numbers[:3])
    return r, g, b, numbers[3] if len(numbers) > 3 else 1.0


def _contrast(fg: str, bg: str) -> float:
    """WCAG contrast of text `fg` over an opaque `bg`, blending a translucent `fg` first."""
    *back, _ = _rgba(bg)
    *front, alpha = _rgba(fg)
    front = [alpha * f + (1 - alpha) * b for f, b in zip(front, back, strict=True)]

    def luminance(rgb: list[float]) -> float:
        channels = [c / 255 for c in rgb]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    a, b = sorted([luminance(front), luminance(back)], reverse=True)
    return (a + 0.05) / (b + 0.05)


def _px(value: str) -> float:
    return float(value.removesuffix("px"))


def _screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-page.png"), full_page=True)
    top = page.locator("div.blogpost-tweet").bounding_box()
    figure = page.locator("figure.blogpost-figure").bounding_box()
    assert top is not None and figure is not None
    y = max(top["y"] - 16, 0)
    height = figure["y"] + figure["height"] - y + 16
    page.screenshot(
        path=str(ARTIFACTS / f"{name}.png"),
        full_page=True,
        clip={"x": 0, "y": y, "width": 1200, "height": height},
    )


def _check_share_link(page: Any) -> None:
    href = page.get_attribute("a.blogpost-share__link--x", "href")
    parts = urlsplit(href)
    assert (parts.netloc, parts.path) == ("twitter.com", "/intent/tweet")
    assert parse_qs(parts.query) == {
        "text": [QUOTE],
        "url": ["https://docs.example.org/" + POST_URL],
    }


def _check_pull_quote(page: Any, accent: str) -> None:
    """A pull quote: the theme's accent on its mark, the body's text size, small buttons."""
    tweet = "div.blogpost-tweet"
    assert page.inner_text(f"{tweet} blockquote").strip() == QUOTE
    # No admonition title ("Quote") above it, and no box around it.
    assert page.query_selector(f"{tweet} .admonition-title") is None
    assert _style(page, tweet, "border-left-style") == "none"
    assert _style(page, f"{tweet} blockquote", "border-left-style") == "none"
    # The quote mark in the theme's accent colour, not X's blue.
    assert _style(page, tweet, "color", "::before") == accent != TWEET_BLUE
    assert _px(_style(page, tweet, "font-size", "::before")) > 2 * _px(
        _style(page, "article p, .rst-content p, [role=main] p", "font-size")
    )
    # The quote is as large as the text around it.
    assert _style(page, f"{tweet} blockquote", "font-size") == _style(
        page, f"{tweet} ~ p", "font-size"
    )
    # Share links: small buttons with a border, readable on the page.
    share = "a.blogpost-share__link--x"
    assert _px(_style(page, share, "font-size")) < _px(_style(page, f"{tweet} ~ p", "font-size"))
    assert _style(page, share, "border-top-style") == "solid"
    assert page.inner_text(share).strip()
    page_bg = _style(page, "body", "background-color")
    assert _contrast(_style(page, share, "color"), page_bg) >= 4.5
    _check_share_link(page)


def _check_caption(page: Any) -> None:
    """A caption centred under its image, as wide as it, quiet but readable."""
    caption = "figure.blogpost-figure > figcaption.blogpost-caption"
    assert page.inner_text(caption).strip() == CAPTION
    assert page.eval_on_selector(caption, "el => el.previousElementSibling.tagName") == "IMG"
    assert _style(page, caption, "text-align") == "center"
    assert _style(page, caption, "border-left-style") == "none"
    assert _px(_style(page, caption, "font-size")) < _px(
        _style(page, "div.blogpost-tweet ~ p", "font-size")
    )
    widths = page.eval_on_selector(
        "figure.blogpost-figure",
        """f => [f.querySelector("img"), f.querySelector("figcaption"), f.parentElement]
            .map(el => el.getBoundingClientRect().width)""",
    )
    image, text, column = widths
    assert abs(image - text) <= 1 and image < column
    centre = page.eval_on_selector(
        "figure.blogpost-figure",
        """f => [f, f.parentElement].map(el => {
            const r = el.getBoundingClientRect(); return r.left + r.width / 2; })""",
    )
    assert abs(centre[0] - centre[1]) <= 1
    page_bg = _style(page, "body", "background-color")
    assert _contrast(_style(page, caption, "color"), page_bg) >= 4.5


def _check_header(page: Any) -> None:
    """The post header's meta line: one line high, with the author's avatar unframed."""
    heights = page.eval_on_selector_all(
        ".blogpost-header .blogpost-meta__item", "items => items.map(i => i.offsetHeight)"
    )
    assert len(heights) == 3 and max(heights) - min(heights) <= 1, heights
    avatar = ".blogpost-header img.blogpost-avatar"
    # The mkdocs theme pads, frames and spaces every image of a page by 20px.
    assert _style(page, avatar, "padding-top") == "0px"
    assert _style(page, avatar, "border-top-width") == "0px"
    assert _style(page, avatar, "border-top-left-radius") == "50%"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_material_tweet_and_caption_styles(browser: Any, material: str, scheme: str) -> None:
    page = _open(browser, material, scheme)
    expected_scheme = "slate" if scheme == "dark" else "default"
    page.wait_for_selector(f'body[data-md-color-scheme="{expected_scheme}"]')
    _screenshot(page, f"material-{scheme}")
    _check_pull_quote(page, _resolve(page, "color", "var(--md-accent-fg-color)"))
    _check_caption(page)
    _check_header(page)
    # The quote follows the palette's text colour.
    assert _style(page, "div.blogpost-tweet blockquote", "color") == _resolve(
        page, "color", "var(--md-typeset-color)"
    )
    page.context.close()


def test_material_palettes_differ(browser: Any, material: str) -> None:
    seen = {}
    for scheme, name in (("light", "default"), ("dark", "slate")):
        page = _open(browser, material, scheme)
        page.wait_for_selector(f'body[data-md-color-scheme="{name}"]')
        seen[scheme] = (
            _style(page, "figcaption.blogpost-caption", "color"),
            _style(page, "div.blogpost-tweet blockquote", "color"),
            _style(page, "a.blogpost-share__link--x", "color"),
        )
        page.context.close()
    for light, dark in zip(seen["light"], seen["dark"], strict=True):
        assert light != dark


#: The accent each of MkDocs' own themes uses: Bootstrap's primary, Read the Docs' blue.
ACCENTS = {"mkdocs": "rgb(47, 164, 231)", "readthedocs": "rgb(41, 128, 185)"}


def test_standalone_themes(browser: Any, standalone: tuple[str, str]) -> None:
    theme, base = standalone
    page = _open(browser, base, "light")
    _screenshot(page, f"{theme}-light")
    _check_pull_quote(page, ACCENTS[theme])
    _check_caption(page)
    _check_header(page)
    page.context.close()


def test_tweet_color_x_keeps_x_blue(browser: Any, tmp_path: Path) -> None:
    write_tree(
        tmp_path / "docs",
        {
            "index.md": "# Home\n",
            "blog/posts/2024-05-01-quote.md": (
                "---\ntitle: A quote\n---\nBefore.\n\n<tweet>Ship the docs.</tweet>\n\nAfter.\n"
            ),
        },
    )
    settings = {"site_url": "https://example.org/", "plugins": [{"blogpost": {"tweet_color": "x"}}]}
    run_build(tmp_path, make_config(tmp_path, settings, True))
    with serve_directory(tmp_path / "site") as base:
        context = browser.new_context()
        context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(base) else route.abort()
            ),
        )
        page = context.new_page()
        page.goto(base + "blog/2024/05/01/quote/", wait_until="load")
        assert _style(page, "div.blogpost-tweet", "color", "::before") == TWEET_BLUE
        share = _style(page, "a.blogpost-share__link--x", "color")
        assert _contrast(share, _style(page, "body", "background-color")) >= 4.5
        context.close()


def test_missing_chromium_skips_locally_and_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser checks"):
        unavailable("headless Chromium not found")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="not found"):
        unavailable("headless Chromium not found")


HARBOUR_POSTS: dict[str, str | bytes] = {
    "index.md": "# Harbour office\n\nNotices for the people who use the harbour.\n",
    "blog/posts/2024-05-01-new-pontoon.md": (
        "---\ntitle: A new pontoon\ntags: [moorings]\n---\n"
        "The east pontoon opens on Monday with twelve berths for visiting boats.\n"
    ),
    "blog/posts/2024-05-09-tide-tables.md": (
        "---\ntitle: Tide tables for June\ntags: [moorings, tides]\n---\n"
        "The June tables are printed and pinned beside the harbour master's door.\n"
    ),
}
HARBOUR_PAGES = ["blog/2024/05/09/tide-tables/", "blog/", "blog/tags/moorings/"]
FEED_TYPES = ["application/rss+xml", "application/atom+xml", "application/feed+json"]


def test_material_requests_no_missing_sitemap_for_feed_links(browser: Any, tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    with serve_directory(site_dir) as base:
        # Built for the address it is served at, as `mkdocs serve` and a deployed site are.
        write_tree(tmp_path / "docs", HARBOUR_POSTS)
        settings = {
            "site_url": base,
            # A language link of Material's own: its selector fetches the root sitemap for
            # it, which shows the script ran (and that it still works beside ours).
            "extra": {"alternate": [{"name": "English", "link": "/", "lang": "en"}]},
            "plugins": ["search", {"blogpost": {"feed_tags": True}}],
        }
        run_build(tmp_path, make_config(tmp_path, settings, True))
        context = browser.new_context()
        context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(base) else route.abort()
            ),
        )
        sitemaps: list[tuple[str, int]] = []
        context.on(
            "response",
            lambda response: (
                sitemaps.append((response.url, response.status))
                if response.url.endswith("sitemap.xml")
                else None
            ),
        )
        page = context.new_page()
        found = {}
        for path in HARBOUR_PAGES:
            page.goto(base + path, wait_until="networkidle")
            assert page.evaluate("document.documentElement.classList.contains('js')"), path
            # What a browser (and a feed reader following HTML's rules) reads as a feed:
            # a link whose rel has the word `alternate`, with a feed's type.
            found[path] = page.evaluate(
                """types => [...document.head.querySelectorAll("link")]
                    .filter(l => l.relList.contains("alternate") && types.includes(l.type))
                    .map(l => [l.type, l.href])""",
                FEED_TYPES,
            )
        missing = [url for url, status in sitemaps if status == 404]
        assert missing == [], f"{len(missing)} requests for a sitemap.xml that is not there"
        assert (base + "sitemap.xml", 200) in sitemaps
        blog_feeds = [
            [kind, base + "blog/" + name]
            for kind, name in zip(FEED_TYPES, ("feed.xml", "atom.xml", "feed.json"), strict=True)
        ]
        assert found["blog/2024/05/09/tide-tables/"] == blog_feeds
        assert found["blog/"] == blog_feeds
        assert found["blog/tags/moorings/"] == blog_feeds + [
            [kind, base + "blog/tags/moorings/" + name]
            for kind, name in zip(FEED_TYPES, ("feed.xml", "atom.xml", "feed.json"), strict=True)
        ]
        for _, href in found["blog/tags/moorings/"]:
            assert context.request.get(href).status == 200, href
        context.close()


def _local_only(base: str) -> Any:
    """A route handler that lets through requests to `base` only."""

    def handle(route: Any) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            route.abort()

    return handle


#: Pages whose cards, archive entries and related posts carry meta lines and dates.
NARROW_PAGES = ["blog/", "blog/archive/", "blog/tags/docs/", POST_URL]

_NARROW_LAYOUT = """() => {
    const lineStarts = [];
    for (const meta of document.querySelectorAll(".blogpost-meta")) {
        const left = meta.getBoundingClientRect().left;
        const clipped = getComputedStyle(meta).overflowX !== "visible";
        [...meta.querySelectorAll(":scope > .blogpost-meta__item")].slice(1).forEach(item => {
            // An item that starts a line: its separator would lead that line.
            if (Math.abs(item.getBoundingClientRect().left - left) < 1) {
                // It is hidden only when it sits outside the item, in the clipped margin.
                const dot = getComputedStyle(item, "::before");
                const outside = dot.position === "absolute" && parseFloat(dot.left) < 0;
                if (dot.content !== "none" && !(outside && clipped)) {
                    lineStarts.push(item.textContent.trim());
                }
            }
        });
    }
    const broken = [...document.querySelectorAll("article time, .md-content time, [role=main] time")]
        .filter(t => t.closest('[class*="blogpost"]'))
        // Broken over two lines now, or free to break on a narrower screen or longer date.
        .filter(t => t.getClientRects().length > 1 || getComputedStyle(t).textWrapMode !== "nowrap")
        .map(t => t.textContent);
    const wrapped = [...document.querySelectorAll(".blogpost-meta")].filter(m => {
        const tops = new Set([...m.children].map(c => Math.round(c.getBoundingClientRect().top)));
        return tops.size > 1;
    }).length;
    return {lineStarts, broken, wrapped};
}"""


def test_narrow_screens_start_no_line_with_a_dot_and_break_no_date(
    browser: Any, material: str, standalone: tuple[str, str]
) -> None:
    theme, base = standalone
    wrapped = 0
    for site in (material, base):
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.route("**/*", _local_only(site))
        page = context.new_page()
        for path in NARROW_PAGES:
            page.goto(site + path, wait_until="load")
            found = page.evaluate(_NARROW_LAYOUT)
            assert found["lineStarts"] == [], (theme, path)
            assert found["broken"] == [], (theme, path)
            wrapped += found["wrapped"]
        context.close()
    # Some meta line did wrap at this width, so the first check had lines to look at.
    assert wrapped > 0


def _png(width: int, height: int) -> bytes:
    """A grey PNG of the given size."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    image = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + image


#: Posts with covers of three shapes: wide, square and tall.
COVER_POSTS: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "assets/img/wide.png": _png(480, 160),
    "assets/img/square.png": _png(200, 200),
    "assets/img/tall.png": _png(150, 300),
    **{
        f"blog/posts/2024-05-0{i}-{shape}.md": (
            f"---\ntitle: A {shape} cover\nimg: {shape}.png\n---\n"
            + "The harbour office painted the pontoon and the tide board this week. " * 6
            + "\n"
        )
        for i, shape in enumerate(("wide", "square", "tall"), 1)
    },
}


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
def test_cards_have_one_cover_shape_and_strong_titles(
    browser: Any, tmp_path: Path, theme: str
) -> None:
    write_tree(tmp_path / "docs", COVER_POSTS)
    run_build(tmp_path, make_config(tmp_path, {"theme": {"name": theme}}, True))
    with serve_directory(tmp_path / "site") as site:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        context.route("**/*", _local_only(site))
        page = context.new_page()
        page.goto(site + "blog/", wait_until="load")
        covers = page.eval_on_selector_all(
            ".blogpost-card__cover img",
            """imgs => imgs.map(img => {
                const r = img.getBoundingClientRect();
                return [r.width / r.height, getComputedStyle(img).objectFit];
            })""",
        )
        assert len(covers) == 3
        assert {fit for _, fit in covers} == {"cover"}
        assert max(r for r, _ in covers) - min(r for r, _ in covers) < 0.02
        # Titles stand out from the text, whatever weight the theme gives links (200).
        weights = page.eval_on_selector_all(
            ".blogpost-card__title a", "links => links.map(a => getComputedStyle(a).fontWeight)"
        )
        assert len(weights) == 3 and all(int(w) >= 600 for w in weights)
        # No empty column under a cover: the card's text runs under it, full width.
        full = page.eval_on_selector_all(
            ".blogpost-card--cover",
            """cards => cards.map(card => {
                const cover = card.querySelector(".blogpost-card__cover").getBoundingClientRect();
                const foot = card.querySelector(".blogpost-card__footer").getBoundingClientRect();
                return foot.top >= cover.bottom && foot.right > cover.left;
            })""",
        )
        assert full == [True, True, True]
        context.close()
