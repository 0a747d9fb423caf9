"""`<tweet>` quotes and `<small>` captions: real builds of posts and pages, and the transform's promises."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.exceptions import Abort
from support.build import PNG, BuildSite, Site, make_config, run_build, write_tree
from support.fuzz import FUZZ
from support.safety import html_injections

from mkdocs_blogpost.i18n import Translator
from mkdocs_blogpost.render import make_environment
from mkdocs_blogpost.transforms import (
    TransformOptions,
    plain_text,
    sanitize_inline,
    transform_html,
)

POST_SRC = "blog/posts/2024-06-30-quotes.md"
POST = """\
---
title: Quotes and captions
date: 2024-06-30
---
Intro paragraph with five words.

<tweet>Docs are **part** of the product.</tweet>

![A chart](../../assets/chart.png)
<small>The chart after the *move*</small>

<!-- more -->

```html
<tweet>literal in a fence</tweet>
```

Inline `<tweet>literal</tweet>` and `<small>literal</small>`.

<small>Fine print, not under an image.</small>
"""
PAGE = """\
# About

<tweet>A quote on a plain page.</tweet>

![Logo](assets/chart.png)
<small>Our logo</small>
"""


def site_files(**extra: str | bytes) -> dict[str, str | bytes]:
    return {POST_SRC: POST, "about.md": PAGE, "assets/chart.png": PNG, **extra}


def post_path(use_directory_urls: bool) -> tuple[str, str]:
    """Output file and URL of the test post."""
    if use_directory_urls:
        return "blog/2024/06/30/quotes/index.html", "blog/2024/06/30/quotes/"
    return "blog/2024/06/30/quotes.html", "blog/2024/06/30/quotes.html"


def resolve(site: Site, page_file: str, src: str) -> Path:
    return (site.site_dir / page_file).parent.joinpath(src).resolve()


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
def test_post_quote_and_caption(
    build_site: BuildSite, theme: str, use_directory_urls: bool
) -> None:
    site = build_site(
        site_files(),
        {"theme": {"name": theme}, "use_directory_urls": use_directory_urls},
    )
    out_file, url = post_path(use_directory_urls)
    soup = site.soup(out_file)

    quotes = soup.select("div.blogpost-tweet")
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote["id"] == "tweet-docs-are-part-of-the-product"
    assert quote.select_one(".admonition-title") is None
    assert quote["class"] == ["blogpost-tweet"]  # the theme's colours, not X's blue
    body = quote.select_one("blockquote.blogpost-tweet__quote")
    assert body.get_text() == "Docs are part of the product."
    assert body.select_one("strong").get_text() == "part"
    link = quote.select_one("a.blogpost-share__link--x")
    assert link.get_text() == "Click to tweet"
    query = parse_qs(urlsplit(link["href"]).query)
    assert query == {
        "text": ["Docs are part of the product."],
        "url": ["https://example.org/docs/" + url],
    }

    figure = soup.select_one("figure.blogpost-figure--figure")
    img = figure.select_one("img")
    assert img["alt"] == "A chart"
    assert resolve(site, out_file, img["src"]) == (site.site_dir / "assets/chart.png").resolve()
    caption = figure.select_one("figcaption.blogpost-caption")
    assert caption.get_text() == "The chart after the move"
    assert caption.select_one("em").get_text() == "move"
    # The image paragraph is gone: no empty <p> and no stray <small> under it.
    assert figure.parent.name != "p"

    # Examples of the syntax stay literal, and a <small> without an image stays as written.
    codes = [c.get_text() for c in soup.select("code")]
    assert any("<tweet>literal in a fence</tweet>" in c for c in codes)
    assert "<tweet>literal</tweet>" in codes
    assert "<small>literal</small>" in codes
    small = [s for s in soup.find_all("small") if "Fine print" in s.get_text()]
    assert len(small) == 1 and small[0].parent.name == "p"
    assert soup.find("tweet") is None

    # The stylesheet with the tweet styles is on the page without any extra_css.
    css_links = [
        link["href"] for link in soup.select('link[rel="stylesheet"]') if "blogpost" in link["href"]
    ]
    assert len(css_links) == 1
    css = resolve(site, out_file, css_links[0]).read_text("utf-8")
    assert ".blogpost-tweet" in css and ".blogpost-caption" in css

    # Plain pages are left alone by default.
    about = site.soup("about/index.html" if use_directory_urls else "about.html")
    assert about.select("div.blogpost-tweet, figure.blogpost-figure") == []
    assert about.find("tweet") is not None


def test_tweets_everywhere_transforms_plain_pages(build_site: BuildSite) -> None:
    site = build_site(
        site_files(), {"plugins": ["search", {"blogpost": {"tweets_everywhere": True}}]}
    )
    about = site.soup("about/index.html")
    quote = about.select_one("div.blogpost-tweet")
    assert quote.select_one("blockquote").get_text() == "A quote on a plain page."
    query = parse_qs(urlsplit(quote.select_one("a")["href"]).query)
    assert query["url"] == ["https://example.org/docs/about/"]
    assert about.select_one("figcaption").get_text() == "Our logo"
    assert quote_stats(site.config.plugins["blogpost"]) == {"tweets": 2, "captions": 2}


def test_pages_without_quotes_are_byte_identical(build_site: BuildSite) -> None:
    files = {
        "plain.md": (
            "# Plain\n\nText <small>small print</small>.\n\n"
            "```html\n<tweet>in code</tweet>\n```\n\n![Img](assets/chart.png)\n"
        ),
        "assets/chart.png": PNG,
    }
    off = build_site(files)
    on = build_site(files, {"plugins": ["search", {"blogpost": {"tweets_everywhere": True}}]})
    assert on.read("plain/index.html") == off.read("plain/index.html")
    assert quote_stats(on.config.plugins["blogpost"]) == {"tweets": 0, "captions": 0}


def test_options(build_site: BuildSite) -> None:
    site = build_site(
        site_files(),
        {
            "plugins": [
                "search",
                {
                    "blogpost": {
                        "twitter_via": "@lighthouse",
                        "tweet_label": "Share this line",
                        "share_targets": ["copy", "x", "bluesky"],
                        "caption_style": "admonition",
                        "tweet_color": "x",
                    }
                },
            ]
        },
    )
    soup = site.soup(post_path(True)[0])
    links = soup.select("div.blogpost-tweet--x a.blogpost-share__link")
    assert [a.get_text() for a in links] == ["Link to this quote", "Share this line", "Bluesky"]
    assert links[0]["href"] == "#tweet-docs-are-part-of-the-product"
    assert soup.find(id="tweet-docs-are-part-of-the-product") is not None
    assert parse_qs(urlsplit(links[1]["href"]).query)["via"] == ["lighthouse"]
    assert parse_qs(urlsplit(links[2]["href"]).query)["text"] == [
        "Docs are part of the product. https://example.org/docs/blog/2024/06/30/quotes/"
    ]
    assert soup.select_one("figure.blogpost-figure--admonition figcaption") is not None


def test_translated_words(build_site: BuildSite) -> None:
    site = build_site(site_files(), {"theme": {"name": "material", "language": "fr"}})
    quote = site.soup(post_path(True)[0]).select_one("div.blogpost-tweet")
    assert quote.select_one("a").get_text() == "Cliquer pour tweeter"


@pytest.mark.parametrize("options", [{"share_targets": ["myspace"]}, {"caption_style": "fancy"}])
def test_bad_choices_are_config_errors(tmp_path: Path, options: dict) -> None:
    write_tree(tmp_path / "docs", {"index.md": "# Home\n"})
    with pytest.raises(Abort):
        make_config(tmp_path, {"plugins": [{"blogpost": options}]}, strict=True)


BAD_POST = """\
---
title: Broken markup
date: 2024-01-02
---
Line five is fine.

<tweet>Never closed

<tweet>Outer <tweet>inner</tweet> end.</tweet>

<tweet></tweet>

<tweet class="x" onclick="alert(1)">With attributes.</tweet>

![Img](../../assets/chart.png)
<small>Unclosed caption

Last paragraph survives.
"""


def test_broken_markup_warns_with_file_and_line(build_site: BuildSite) -> None:
    site = build_site(
        {"blog/posts/2024-01-02-broken.md": BAD_POST, "assets/chart.png": PNG}, strict=False
    )
    where = "blog/posts/2024-01-02-broken.md"
    warnings = [w for w in site.warnings if where in w]
    expected = [
        (f"{where}:7:", "never closed"),
        (f"{where}:9:", "inside another <tweet>"),
        (f"{where}:11:", "is empty"),
        (f"{where}:13:", "takes no attributes"),
        (f"{where}:16:", "<small> under an image is never closed"),
    ]
    assert len(warnings) == len(expected), warnings
    for prefix, text in expected:
        assert any(prefix in w and text in w for w in warnings), (prefix, text, warnings)
    soup = site.soup("blog/2024/01/02/broken/index.html")
    assert "Last paragraph survives." in soup.get_text()
    assert "Never closed" in soup.get_text()
    quotes = [q.select_one("blockquote").get_text() for q in soup.select("div.blogpost-tweet")]
    assert quotes == ["Outer inner end.", "With attributes."]
    assert soup.find("tweet") is None
    assert "onclick" not in site.read("blog/2024/01/02/broken/index.html")


def test_broken_markup_fails_a_strict_build(build_site: BuildSite) -> None:
    build_site(
        {"blog/posts/2024-01-02-broken.md": BAD_POST, "assets/chart.png": PNG},
        expect_failure=True,
    )


def test_line_numbers_on_plain_pages_count_front_matter(build_site: BuildSite) -> None:
    page = "---\ntitle: About\n---\n\n# About\n\n<tweet>open\n"
    site = build_site(
        {"about.md": page},
        {"plugins": ["search", {"blogpost": {"tweets_everywhere": True}}]},
        strict=False,
    )
    assert any("about.md:7:" in w and "never closed" in w for w in site.warnings), site.warnings


def test_long_quote_warns_naming_the_file(build_site: BuildSite) -> None:
    long_text = " ".join(["sentence"] * 40)
    post = f"---\ntitle: Long\ndate: 2024-02-03\n---\n<tweet>{long_text}</tweet>\n"
    site = build_site({"blog/posts/2024-02-03-long.md": post}, strict=False)
    warnings = [w for w in site.warnings if "characters long" in w]
    assert len(warnings) == 1
    assert "blog/posts/2024-02-03-long.md:5:" in warnings[0]
    link = site.soup("blog/2024/02/03/long/index.html").select_one("a.blogpost-share__link--x")
    assert parse_qs(urlsplit(link["href"]).query)["text"] == [long_text]


def quote_stats(plugin: object) -> dict[str, int]:
    """The tweet and caption counters (other counters share the stats dict)."""
    stats = plugin.stats  # type: ignore[attr-defined]
    return {"tweets": stats["tweets"], "captions": stats["captions"]}


def test_missing_site_url_warns_once(build_site: BuildSite) -> None:
    other = POST.replace("Quotes and captions", "Second").replace("2024-06-30", "2024-07-01")
    site = build_site(
        site_files(**{"blog/posts/2024-07-01-second.md": other}),
        {"site_url": None},
        strict=False,
    )
    warnings = [w for w in site.warnings if "site_url" in w and "<tweet>" in w]
    assert len(warnings) == 1, site.warnings
    link = site.soup(post_path(True)[0]).select_one("a.blogpost-share__link--x")
    assert parse_qs(urlsplit(link["href"]).query) == {"text": ["Docs are part of the product."]}


def test_preview_without_site_url_builds_strict(build_site: BuildSite) -> None:
    # Pull-request previews have no address yet: the documented options build them
    # strict, and readers still get each quote with its permalink.
    site = build_site(
        site_files(),
        {
            "site_url": None,
            "plugins": ["search", {"blogpost": {"feeds": False, "share_targets": ["copy"]}}],
        },
    )
    assert site.warnings == []
    quote = site.soup(post_path(True)[0]).select_one(".blogpost-tweet")
    assert quote is not None
    links = [a["href"] for a in quote.select("a")]
    assert links == ["#" + quote["id"]]


def test_rebuild_resets_stats_and_gives_the_same_output(tmp_path: Path) -> None:
    write_tree(tmp_path / "docs", {"index.md": "# Home\n", **site_files()})
    cfg = make_config(tmp_path, None, strict=True)
    first = run_build(tmp_path, cfg)
    out_file = post_path(True)[0]
    html1 = first.read(out_file)
    plugin = cfg.plugins["blogpost"]
    assert quote_stats(plugin) == {"tweets": 1, "captions": 1}
    second = run_build(tmp_path, cfg)
    assert quote_stats(plugin) == {"tweets": 1, "captions": 1}
    assert second.read(out_file) == html1


def test_listings_and_feeds_reuse_the_transformed_html(build_site: BuildSite) -> None:
    site = build_site(site_files(), {"plugins": ["search", {"blogpost": {"words_per_minute": 1}}]})
    card = site.soup("blog/index.html").select_one(".blogpost-card__excerpt")
    assert card is not None
    feed = json.loads(site.read("blog/feed.json"))["items"][0]["content_html"]
    shown = BeautifulSoup(feed, "lxml")
    assert shown.select_one("div.blogpost-tweet blockquote") is not None
    assert shown.select_one("figcaption").get_text() == "The chart after the move"
    assert "<tweet" not in feed and "<small>The chart" not in feed
    # A card shows the excerpt's prose: the quote, its share links and the figure stay
    # on the post.
    assert card.select(".blogpost-tweet, .blogpost-share, figure, img") == []
    assert "<tweet" not in str(card) and card.get_text(strip=True)
    # Reading time counts the author's words, not the labels "Quote" and "Click to tweet":
    # intro 5, quote 6, caption 5, inline-code line 8 (the fence is not counted), fine print 6.
    # At one word a minute, that is the number of minutes.
    reading = site.soup(post_path(True)[0]).select_one(".blogpost-header .blogpost-meta__read")
    assert reading is not None and reading.get_text(strip=True) == f"{5 + 6 + 5 + 8 + 6} min read"


def test_custom_dir_overrides_the_quote_and_figure_templates(
    build_site: BuildSite, tmp_path: Path
) -> None:
    overrides = tmp_path / "overrides"
    write_tree(
        overrides,
        {
            "blogpost/fragments/tweet.html": (
                '<aside class="my-quote" id="{{ id }}">{{ quote_html }}'
                '{% for link in links %}<a href="{{ link.href }}">{{ link.label }}</a>{% endfor %}</aside>\n'
            ),
            "blogpost/fragments/figure.html": '<figure class="my-figure">{{ image_html }}<figcaption>{{ caption_html }}</figcaption></figure>\n',
        },
    )
    site = build_site(site_files(), {"theme": {"name": "material", "custom_dir": str(overrides)}})
    soup = site.soup(post_path(True)[0])
    quote = soup.select_one("aside.my-quote")
    assert quote["id"] == "tweet-docs-are-part-of-the-product"
    assert quote.select_one("strong").get_text() == "part"
    assert "twitter.com/intent/tweet" in quote.select_one("a")["href"]
    assert soup.select("div.blogpost-tweet") == []
    assert soup.select_one("figure.my-figure figcaption").get_text() == "The chart after the move"


def test_serve_rebuilds_reuse_nothing_stale(tmp_path: Path) -> None:
    # Under `serve` a page's quotes are kept from the last build while its HTML stays the
    # same. An edited quote, an edited template override and a changed option must each
    # show at once, and the author's slips must be reported on every rebuild.
    root = tmp_path / "live"
    docs = root / "docs"
    overrides = root / "overrides"
    other = "blog/posts/2024-07-01-other.md"
    other_post = "---\ntitle: Other\ndate: 2024-07-01\n---\nText.\n\n<tweet>Stays as it is.</tweet>\n"
    write_tree(docs, {"index.md": "# Home\n", **site_files(**{other: other_post})})
    write_tree(overrides, {"blogpost/fragments/.keep": ""})
    theme = {"name": "material", "custom_dir": str(overrides)}

    def build(options: dict | None = None) -> Site:
        cfg = make_config(root, {"theme": theme, "plugins": ["search", {"blogpost": options or {}}]}, False)
        return run_build(root, cfg, serve=True)

    def quotes(site: Site, page: str) -> list[str]:
        return [q.get_text(" ", strip=True) for q in site.soup(page).select("blockquote")]

    edited_page, other_page = post_path(True)[0], "blog/2024/07/01/other/index.html"
    first = build()
    assert quotes(first, other_page) == ["Stays as it is."]
    assert quotes(first, edited_page) == ["Docs are part of the product."]

    # The post gains an empty quote: a warning on this rebuild and on the next, unchanged one.
    edited = POST.replace("<!-- more -->", "<tweet></tweet>\n\n<!-- more -->")
    write_tree(docs, {POST_SRC: edited})
    for _ in range(2):
        again = build()
        assert [w for w in again.warnings if "<tweet> is empty" in w and POST_SRC in w], again.warnings
        assert any("2 tweets" in line for line in again.infos), again.infos

    write_tree(docs, {POST_SRC: edited.replace("part** of the product", "part** of the job")})
    changed = build()
    assert quotes(changed, edited_page) == ["Docs are part of the job."]
    assert quotes(changed, other_page) == ["Stays as it is."]

    write_tree(overrides, {"blogpost/fragments/tweet.html": '<aside class="mine">{{ quote_html }}</aside>\n'})
    themed = build()
    assert [a.get_text() for a in themed.soup(other_page).select("aside.mine")] == ["Stays as it is."]
    assert themed.soup(edited_page).select("aside.mine")

    (overrides / "blogpost/fragments/tweet.html").unlink()
    relabelled = build({"tweet_label": "Share this line"})
    labels = [a.get_text() for a in relabelled.soup(other_page).select(".blogpost-share a")]
    assert "Share this line" in labels


# -- the transform on any markup --------------------------------------------------------------

TRANSFORM_BITS = [
    "<p>",
    "</p>",
    "<tweet>",
    "</tweet>",
    "<TWEET >",
    "<small>",
    "</small>",
    '<img alt="a" src="x.png" />',
    '<img src="x" onerror="pwn(1)">',
    "<a href=",
    '"javascript:pwn(2)"',
    '"https://ex.org/"',
    ">",
    "</a>",
    "<script>pwn(3)</script>",
    "<strong>",
    "</strong>",
    "<code>",
    "</code>",
    "<pre>",
    "</pre>",
    "<!--",
    "-->",
    "&amp;",
    "&lt;tweet&gt;",
    "\n",
    " ",
    "<br>",
    "<div>",
    "</div>",
]


transformable = st.lists(
    st.one_of(st.sampled_from(TRANSFORM_BITS), st.text(max_size=6)), max_size=40
).map("".join)


TRANSFORM_ENV = make_environment([], Translator("en"))


@FUZZ
@given(
    html=transformable,
    page_url=st.sampled_from([None, "https://ex.org/blog/x/", "https://ex.org/a b?c=<d>"]),
    style=st.sampled_from(["admonition", "figure"]),
    targets=st.sampled_from([("x",), ("x", "mastodon", "linkedin", "bluesky", "copy")]),
)
def test_any_markup_is_transformed_without_error_or_new_injections(
    html: str, page_url: str | None, style: str, targets: tuple[str, ...]
) -> None:
    try:
        options = TransformOptions(via="site", caption_style=style, share_targets=targets)  # type: ignore[arg-type]
    except ValueError:  # a target name this version does not know
        options = TransformOptions(via="site", caption_style=style)  # type: ignore[arg-type]
    out, stats = transform_html(html, env=TRANSFORM_ENV, page_url=page_url, options=options)
    if stats.tweets or stats.captions:
        # What the transform wrote must be no worse than what it was given: no injection
        # that was not already in the input (raw HTML outside quotes is the author's).
        assert len(html_injections(out, "out")) <= len(html_injections(html, "in"))


@FUZZ
@given(fragment=transformable)
def test_sanitised_quote_text_is_safe_and_stays_as_cleaned(fragment: str) -> None:
    clean = sanitize_inline(fragment)
    assert html_injections(clean, "clean") == []
    assert sanitize_inline(clean) == clean
    # The text a share link carries is one line.
    text = plain_text(clean)
    assert "\n" not in text and text == text.strip()
