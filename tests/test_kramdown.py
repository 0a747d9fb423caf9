"""Posts written in kramdown, Jekyll's Markdown, render as Jekyll rendered them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup, Tag
from support.build import PNG, BuildSite, Site, make_config, run_build, write_tree

from mkdocs_blogpost.kramdown import BlockIal, convert_kramdown

POST = "blog/posts/2024-05-01-field-notes.md"

# A post in the kramdown dialect, in the shapes migrated blogs use it.
KRAMDOWN_POST = """\
---
layout: post
title: "Field notes"
date: 2024-05-01
---
* TOC
{:toc}

## Setting up
{: #setup .section}

The sensor drifts[^1] unless it is calibrated[^calibration].

[^1]:Measured over a week.
[^calibration]: See the vendor sheet.

![Probe](/assets/probe.png){: .center width="60%"}

Read [the sheet](https://example.com/sheet){:target="_blank"} first.

Warm it up for ten minutes.
{: .lead}

* unpack
* plug in
{: .steps}

| Step | Minutes |
|------|---------|
| warm | 10 |
{: .timings}

kind | count
-----|------
probe | 2

> Keep it dry.
{: .prompt-tip}

Drift
: The slow change of a reading.

The API is stable.

*[API]: Application Programming Interface

<div markdown="1">
**Bold** inside a div.
</div>

<div class="as-block" markdown="block">
* a list in a div
</div>

<div class="as-span" markdown="span">*emphasis* in a div</div>

```ruby
puts "{: .example} [^2] {:toc}"
```
{: .nolineno}

Inline `{: .literal}` stays; run `make probe`{:.language-shell} and **wait**{: .slow}.

{: .after-blank}
This paragraph gets the class above it.

{::comment}
A note to myself.
{:/comment}

{::options parse_block_html="true" /}

{::nomarkdown}
<span class="raw-kept">as typed</span>
{:/nomarkdown}
"""


def post_soup(site: Site, slug: str = "field-notes") -> BeautifulSoup:
    """The built page of the post whose slug is `slug`."""
    [page] = [p for p in site.html_files() if p.endswith(f"/{slug}/index.html")]
    return site.soup(page)


def body(soup: BeautifulSoup) -> Tag:
    """The rendered Markdown of a page, for the Material and the `mkdocs` themes."""
    found = soup.select_one("article.md-content__inner") or soup.select_one("div[role=main]")
    assert isinstance(found, Tag)
    return found


def visible_text(element: Tag) -> str:
    """Text a reader sees, without code (where kramdown syntax is an example)."""
    copy = BeautifulSoup(str(element), "lxml")
    for code in copy.find_all(["pre", "code"]):
        code.decompose()
    return copy.get_text()


def build_post(build_site: BuildSite, post: str, config: dict[str, Any] | None = None,
               **kw: Any) -> Site:
    files: dict[str, str | bytes] = {POST: post, "assets/probe.png": PNG}
    return build_site(files, config, **kw)


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_kramdown_post_renders_as_jekyll_did(build_site: BuildSite, theme: str) -> None:
    site = build_post(build_site, KRAMDOWN_POST, {"theme": {"name": theme}})
    assert site.warnings == []
    main = body(post_soup(site))

    # Footnotes: each reference links to a footnote that exists, words as names too.
    refs = main.select("a.footnote-ref")
    assert [a.get_text() for a in refs] == ["1", "2"]
    for ref in refs:
        target = str(ref["href"]).split("#")[1]
        assert main.find(id=target) is not None, target
    assert "Measured over a week." in main.find(id="fn:1").get_text()
    assert "vendor sheet" in main.find(id="fn:calibration").get_text()

    # Attribute lists land on the element they follow.
    heading = main.find("h2", id="setup")
    assert heading is not None and "section" in heading["class"]
    img = main.find("img", alt="Probe")
    assert "center" in img["class"] and img["width"] == "60%"
    assert main.find("a", string="the sheet")["target"] == "_blank"
    assert main.find("p", class_="lead").get_text(strip=True) == "Warm it up for ten minutes."
    steps = main.find("ul", class_="steps")
    assert [li.get_text() for li in steps.find_all("li")] == ["unpack", "plug in"]
    timings = main.find("table", class_="timings")
    assert [td.get_text() for td in timings.find_all("td")] == ["warm", "10"]
    assert main.find("blockquote", class_="prompt-tip").get_text(strip=True) == "Keep it dry."
    after = main.find("p", class_="after-blank")
    assert after.get_text(strip=True) == "This paragraph gets the class above it."
    assert "nolineno" in " ".join(main.find("pre").get("class", []) +
                                  main.find("pre").code.get("class", []))

    # Tables (also without leading pipes), definition lists, abbreviations, div markdown.
    assert len(main.find_all("table")) == 2
    assert main.find("dt").get_text() == "Drift"
    assert main.find("dd").get_text() == "The slow change of a reading."
    assert main.find("abbr", title="Application Programming Interface").get_text() == "API"
    assert main.select_one("div:not(.footnote) > p > strong").get_text() == "Bold"
    assert main.select_one("div.as-block > ul > li").get_text() == "a list in a div"
    assert main.select_one("div.as-span > em").get_text() == "emphasis"

    # The kramdown table of contents is there, listing the post's headings.
    toc = main.select_one("div.toc")
    assert toc is not None and toc.find("a", href="#setup") is not None

    # Code keeps kramdown syntax as an example; comments and options are gone.
    assert main.find("pre").get_text() == 'puts "{: .example} [^2] {:toc}"\n'
    assert main.find("code", string="{: .literal}") is not None
    assert main.find("code", string="make probe")["class"] == ["language-shell"]
    assert main.find("strong", string="wait")["class"] == ["slow"]
    assert main.find("span", class_="raw-kept").get_text() == "as typed"
    text = visible_text(main)
    for leftover in ("{:", "[^", "* TOC", "{::", "A note to myself", "parse_block_html"):
        assert leftover not in text, leftover


def test_non_post_pages_render_as_before(build_site: BuildSite) -> None:
    page = """\
    # Notes

    A claim[^1] with {: .x} text.
    {: .lead}

    Term
    : not a definition list here

    [^1]: not a footnote on this page
    """
    with_blog = build_site({"notes.md": page, POST: KRAMDOWN_POST, "assets/probe.png": PNG})
    without = build_site({"notes.md": page}, {"plugins": ["search"]})
    assert body(with_blog.soup("notes/index.html")) == body(without.soup("notes/index.html"))
    assert "[^1]" in body(with_blog.soup("notes/index.html")).get_text()


def test_site_settings_of_an_extension_win_on_posts(build_site: BuildSite) -> None:
    config = {
        "markdown_extensions": [
            {"footnotes": {"BACKLINK_TEXT": "back"}},
            {"toc": {"permalink": True}},
            "attr_list",
        ]
    }
    site = build_post(build_site, KRAMDOWN_POST, config)
    assert site.warnings == []
    main = body(post_soup(site))
    backrefs = main.select("a.footnote-backref")
    assert backrefs and all(a.get_text() == "back" for a in backrefs)
    # The site's toc settings (permalinks) apply to the post's headings.
    assert main.find("h2", id="setup").find("a", class_="headerlink") is not None
    assert "center" in main.find("img", alt="Probe")["class"]


def test_extensions_the_site_loads_through_extra_are_not_loaded_again(
    build_site: BuildSite,
) -> None:
    config = {"markdown_extensions": [{"extra": {"footnotes": {"BACKLINK_TEXT": "up"}}}]}
    site = build_post(build_site, KRAMDOWN_POST, config)
    assert site.warnings == []
    main = body(post_soup(site))
    # One footnotes block, the site's: a second footnotes extension would replace it.
    assert len(main.select("div.footnote")) == 1
    assert [a.get_text() for a in main.select("a.footnote-backref")] == ["up", "up"]
    assert main.find("abbr", title="Application Programming Interface") is not None


def test_feed_carries_rendered_footnotes(build_site: BuildSite) -> None:
    site = build_post(build_site, KRAMDOWN_POST)
    # By namespace, not by prefix: BeautifulSoup's XML mode has been seen to miss
    # `content:encoded` in some test orders.
    feed = ElementTree.fromstring(site.read("blog/feed.xml"))
    [item] = feed.iter("item")
    encoded = item.find("{http://purl.org/rss/1.0/modules/content/}encoded")
    assert encoded is not None and encoded.text
    content = BeautifulSoup(encoded.text, "lxml")
    assert content.select_one("div.footnote li") is not None
    refs = content.select("a.footnote-ref")
    assert refs and all("#fn:" in str(a["href"]) for a in refs)
    assert "{:" not in visible_text(content)


UNRENDERABLE = """\
---
title: Loose ends
---
Some text {: .orphan} in a sentence.

{::video src="x.mp4" /}

Last words.

{: .dangling}
"""


def test_unrenderable_bits_are_dropped_with_file_and_line(build_site: BuildSite) -> None:
    site = build_post(build_site, UNRENDERABLE, strict=False)
    path = POST.removeprefix("blog/")
    ours = [w for w in site.warnings if path in w]
    joined = "\n".join(site.warnings)
    assert any(f"{path}:4:" in w and "{: .orphan}" in w for w in ours), joined
    assert any(f"{path}:6:" in w and "{::video}" in w for w in ours), joined
    assert any(f"{path}:10:" in w and ".dangling" in w for w in ours), joined
    assert len(ours) == 3, joined
    text = visible_text(body(post_soup(site, "field-notes")))
    assert "{:" not in text and "video" not in text
    assert "Some text in a sentence." in text

    build_post(build_site, UNRENDERABLE, expect_failure=True)


def test_math_blocks_follow_the_mathjax_switch(build_site: BuildSite) -> None:
    math = "$$\na_1 + b_2\n$$\n"
    site = build_site(
        {
            "blog/posts/2024-05-01-with.md": f"---\ntitle: With\nmathjax: yes\n---\n{math}",
            "blog/posts/2024-05-02-without.md": f"---\ntitle: Without\n---\n{math}",
        }
    )
    with_math = body(post_soup(site, "with"))
    assert with_math.select_one(".arithmatex") is not None
    without = body(post_soup(site, "without"))
    assert without.select_one(".arithmatex") is None
    assert "$$\na_1 + b_2\n$$" in without.get_text()


T0 = "\x02bpial:0\x03"


@pytest.mark.parametrize(
    ("source", "expected", "ials"),
    [
        pytest.param("Text\n{: .a}", ["Text", T0], [BlockIal(".a", 1, "para")], id="paragraph"),
        pytest.param("Text\n{:.a #b}", ["Text", T0], [BlockIal(".a #b", 1, "para")],
                     id="no-space"),
        pytest.param("\n{: .a}\nText", [T0, "", "Text"], [BlockIal(".a", 1, "next")],
                     id="before-block"),
        pytest.param("{: .a}\nText", [T0, "Text"], [BlockIal(".a", 0, "next")], id="first-line"),
        pytest.param("* x\n* y\n{: .a}", ["* x", "* y", T0], [BlockIal(".a", 2, "list")],
                     id="list"),
        pytest.param("1. x\n{: .a}", ["1. x", T0], [BlockIal(".a", 1, "list")], id="ordered"),
        pytest.param("a|b\n-|-\n1|2\n{: .a}", ["a|b", "-|-", "1|2", T0],
                     [BlockIal(".a", 3, "table")], id="table"),
        pytest.param("> q\n{: .a}", ["> q", T0], [BlockIal(".a", 1, "quote")], id="quote"),
        pytest.param("T\n: d\n{: .a}", ["T", ": d", T0], [BlockIal(".a", 2, "deflist")],
                     id="deflist"),
        pytest.param("{:r: .a k=\"v\"}\nText\n{: r .b}", ["", "Text", T0],
                     [BlockIal('.a k="v" .b', 2, "para")], id="definition"),
        pytest.param("Text\n{: r}\n\n{:r: .late}", ["Text", T0, "", ""],
                     [BlockIal(".late", 1, "para")], id="definition-below"),
        pytest.param("{:r: .a t}\n{:t: .b r}\nText\n{: r}", ["", "", "Text", T0],
                     [BlockIal(".a .b", 3, "para")], id="definitions-naming-each-other"),
        pytest.param("{:r: .a}\n![x](y.png){: r .b} `{: r}`", ["", "![x](y.png){: .a .b} `{: r}`"],
                     [], id="definition-after-image"),
        pytest.param("```py\nx\n```\n{: .a}", ["```{ .py .a }", "x", "```", ""], [],
                     id="fence"),
        pytest.param("```\n{: .a}\n```", ["```", "{: .a}", "```"], [], id="in-fence"),
        pytest.param("~~~\n{::comment}\n~~~", ["~~~", "{::comment}", "~~~"], [],
                     id="in-tilde-fence"),
        pytest.param("``` a ```\n{: .a}", ["``` a ```", T0], [BlockIal(".a", 1, "para")],
                     id="inline-code-not-a-fence"),
        pytest.param("x\n\n    {: .a}", ["x", "", "    {: .a}"], [], id="indented-code"),
        pytest.param("A `{::comment}x{:/comment}` b", ["A `{::comment}x{:/comment}` b"], [],
                     id="inline-code"),
        pytest.param("A {::comment}x{:/comment}b", ["A b"], [], id="inline-comment"),
        pytest.param("{::comment}\nx\n{:/comment}\nT", ["", "", "", "T"], [], id="comment"),
        pytest.param("{::comment}\nx\n{:/}", ["", "", ""], [], id="comment-short-end"),
        pytest.param("{::options key=\"v\" /}\nT", ["", "T"], [], id="options"),
        pytest.param("\n* TOC\n{:toc}\n", ["", "[TOC]", "", ""], [], id="toc"),
        pytest.param("1. Contents\n{:toc}", ["[TOC]", ""], [], id="toc-ordered"),
        pytest.param("{{: .a}", ["{{: .a}"], [], id="not-a-list"),
        pytest.param("Text {: .a}", ["Text {: .a}"], [], id="span-left-to-attr-list"),
    ],
)
def test_convert_kramdown(source: str, expected: list[str], ials: list[BlockIal]) -> None:
    result = convert_kramdown(source.split("\n"))
    assert result.lines == expected
    assert result.ials == ials
    assert result.problems == []


@pytest.mark.parametrize(
    ("source", "expected", "raw"),
    [
        ("{::nomarkdown}\n<b>x</b>\n{:/nomarkdown}", ["\x02bpraw:0\x03", "", ""], ["<b>x</b>"]),
        ("A {::nomarkdown}<i>y</i>{:/nomarkdown}.", ["A \x02bpraw:0\x03."], ["<i>y</i>"]),
        ("{::nomarkdown}\n{:/nomarkdown}", ["", ""], []),
    ],
)
def test_nomarkdown_is_set_aside(source: str, expected: list[str], raw: list[str]) -> None:
    result = convert_kramdown(source.split("\n"))
    assert (result.lines, result.raw, result.problems) == (expected, raw, [])


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        ("{::video /}", 0, "'{::video}' is not supported"),
        ("T\n{::details}\nx\n{:/details}", 1, "tags were dropped"),
        ("{::comment}\nnever closed", 0, "never closed"),
        ("Text\n{: missing}", 1, "names no definition"),
        ("Text\n{:toc}", 1, "follows no list item"),
    ],
)
def test_convert_kramdown_reports_what_it_drops(source: str, line: int, words: str) -> None:
    result = convert_kramdown(source.split("\n"))
    assert [number for number, _ in result.problems] == [line]
    assert words in result.problems[0][1]
    assert len(result.lines) == len(source.split("\n"))
    assert not any(re.search(r"\{::|\{:/", text) for text in result.lines[line : line + 1])


def test_toc_marker_can_be_dropped() -> None:
    assert convert_kramdown(["* TOC", "{:toc}", "", "T"], "").lines == ["", "", "", "T"]


CODE_AND_CONTENTS = """\
---
title: Field notes
---
## Contents
{:.no_toc}

1. TOC
{:toc}

## Wiring

```python
print("wired")
```
{: .nolineno}

```
plain words
```
{: .console}
"""


@pytest.mark.parametrize(
    "extensions",
    [
        pytest.param([], id="fenced_code"),
        pytest.param(["pymdownx.highlight", "pymdownx.superfences", "attr_list"],
                     id="superfences"),
    ],
)
def test_code_block_lists_and_no_toc_headings(build_site: BuildSite, extensions: list) -> None:
    site = build_post(build_site, CODE_AND_CONTENTS, {"markdown_extensions": extensions})
    assert site.warnings == []
    soup = post_soup(site)
    main = body(soup)
    blocks = main.find_all("pre")
    assert len(blocks) == 2
    # The class lands on the code block (its <pre> or the wrapper superfences writes).
    for pre, name in zip(blocks, ["nolineno", "console"], strict=True):
        around = [*pre.get("class", []), *pre.parent.get("class", []),
                  *(pre.code.get("class", []) if pre.code else [])]
        assert name in around, (name, around)
    assert "plain words" in blocks[1].get_text()
    assert "language-console" not in str(blocks[1])
    # `no_toc` keeps "Contents" out of the generated table of contents and the sidebar.
    toc = main.select_one("div.toc")
    assert [a["href"] for a in toc.find_all("a")] == ["#wiring"]
    sidebar = [a["href"] for a in soup.select("nav.md-nav--secondary a")]
    assert "#contents" not in sidebar and "#wiring" in sidebar
    assert main.find("h2", id="contents") is not None


def test_lists_inside_raw_html_stay_as_written(build_site: BuildSite) -> None:
    post = '---\ntitle: Raw\n---\n<div class="box">\n{: .inside}\n</div>\n\nAfter.\n'
    site = build_post(build_site, post)
    assert site.warnings == []
    box = body(post_soup(site)).find("div", class_="box")
    assert box.get_text() == "\n{: .inside}\n"
    page = next(p for p in site.html_files() if p.endswith("/field-notes/index.html"))
    assert "\x02" not in site.read(page)


ABOVE_BLOCKS = """\
---
title: Field notes
---
Opening words.

{: .above-list}
* one
* two

{: .above-table}
| a | b |
|---|---|
| 1 | 2 |

* last item

{: .above-heading}
## Heading
"""


def test_lists_above_a_block_after_a_blank_line_go_to_that_block(build_site: BuildSite) -> None:
    site = build_post(build_site, ABOVE_BLOCKS)
    assert site.warnings == []
    main = body(post_soup(site))
    assert [li.get_text() for li in main.find("ul", class_="above-list").find_all("li")] == [
        "one", "two"
    ]
    assert [td.get_text() for td in main.find("table", class_="above-table").find_all("td")] == [
        "1", "2"
    ]
    assert main.find("h2", class_="above-heading").get_text(strip=True) == "Heading"
    assert "above" not in " ".join(" ".join(p.get("class", [])) for p in main.find_all("p"))
    assert "{:" not in visible_text(main)


def test_building_twice_with_one_plugin_gives_the_same_post(tmp_path: Path) -> None:
    write_tree(tmp_path / "docs", {POST: KRAMDOWN_POST, "assets/probe.png": PNG,
                                   "index.md": "# Home\n"})
    cfg = make_config(tmp_path, None, True)
    first = run_build(tmp_path, cfg)
    page = next(p for p in first.html_files() if p.endswith("/field-notes/index.html"))
    html = first.read(page)
    second = run_build(tmp_path, cfg, serve=True)
    assert second.warnings == []
    assert str(body(second.soup(page))) == str(body(BeautifulSoup(html, "lxml")))
    assert len(body(second.soup(page)).select("a.footnote-ref")) == 2
