"""Migrated Jekyll posts work unedited: real builds of a Jekyll-shaped blog (issue 6)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from support.browser import launch_chromium
from support.build import PNG, BuildSite, Site, make_config, run_build
from support.jekyll_fixture import copy_by_hand
from support.outputs import dead_urls

MATERIAL_EXTENSIONS = [
    {"toc": {"permalink": True}},
    "attr_list",
    "md_in_html",
    "admonition",
    "pymdownx.superfences",
]


def migrate_site(root: Path) -> None:
    """Copy the Jekyll blog into a docs tree the way a team would."""
    docs = root / "docs"
    copy_by_hand(docs)
    (docs / "index.md").write_text("# Lighthouse\n\nDocs and a blog.\n", encoding="utf-8")


def build_migrated(root: Path, config: dict, **kw) -> Site:
    migrate_site(root)
    cfg = make_config(root, config, kw.pop("strict", True))
    return run_build(root, cfg, **kw)


def page_file(site: Site, url: str) -> Path:
    """The file a site-relative URL is served from."""
    path = site.site_dir / url
    return path / "index.html" if url.endswith("/") or url == "" else path


def walk_links(site: Site) -> tuple[int, int, list[str]]:
    """Check every `<img src>` and internal `<a href>` of every page; return counts and misses."""
    images = links = 0
    missing: list[str] = []
    site_path = urlsplit(site.config.site_url or "").path
    for rel in site.html_files():
        soup = site.soup(rel)
        base = posixpath.dirname(rel)
        for tag, attr in (("img", "src"), ("a", "href")):
            for el in soup.find_all(tag):
                url = el.get(attr)
                if url is None:
                    continue
                parts = urlsplit(url)
                if parts.scheme or parts.netloc or not parts.path:
                    continue
                path = unquote(parts.path)
                if path.startswith("/"):
                    # Only the 404 page uses root paths, built from site_url.
                    assert rel == "404.html", f"{rel}: root link {url}"
                    assert path.startswith(site_path), f"{rel}: {url}"
                    target = path[len(site_path) :]
                else:
                    target = posixpath.normpath(posixpath.join(base, path))
                    if path.endswith("/"):
                        target += "/"
                if target.endswith("/") or target == ".":
                    target = posixpath.join(target, "index.html")
                if tag == "img":
                    images += 1
                else:
                    links += 1
                if not (site.site_dir / target).is_file():
                    missing.append(f"{rel}: <{tag} {attr}={url!r}> -> {target}")
    return images, links, missing


def link_to(site: Site, page: str, text: str) -> str:
    """The page an `<a>` with this text on `page` leads to, as a path in the site."""
    soup = site.soup(page)
    anchor = soup.find("a", string=re.compile(re.escape(text)))
    assert anchor is not None, f"no link '{text}' on {page}"
    href = urlsplit(anchor["href"]).path
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return posixpath.join(target, "index.html") if href.endswith("/") else target


POST_DIR = {
    True: "blog/{}/index.html",
    False: "blog/{}.html",
}


@pytest.mark.parametrize(
    ("theme", "directory_urls"),
    [("material", True), ("material", False), ("mkdocs", True), ("readthedocs", False)],
)
def test_jekyll_blog_builds_strict_and_every_link_resolves(
    tmp_path: Path, theme: str, directory_urls: bool
) -> None:
    config = {
        "theme": {"name": theme},
        "use_directory_urls": directory_urls,
        "markdown_extensions": MATERIAL_EXTENSIONS if theme == "material" else [],
    }
    site = build_migrated(tmp_path, config)
    assert site.warnings == []
    # MkDocs' note about absolute links: none left in posts.
    assert not [m for m in site.infos if "absolute link" in m], site.infos

    post = POST_DIR[directory_urls].format
    posts = [f for f in site.html_files() if f.startswith("blog/20")]
    assert len(posts) == 13

    images, links, missing = walk_links(site)
    assert missing == []
    # Media, srcset and the feeds' absolute URLs too.
    assert dead_urls(site.site_dir, site.config.site_url) == []
    # No kramdown or Liquid syntax is left for readers to see, outside code examples.
    for rel in posts:
        soup = site.soup(rel)
        for code in soup.find_all(["code", "pre"]):
            code.decompose()
        text = soup.get_text(" ")
        # The Liquid post shows a `{% raw %}` block as typed, on purpose.
        liquid = () if "liquid-in-practice" in rel else ("{%", "{{")
        for syntax in ("{:", "[^", "* TOC", "*[CI]", *liquid):
            assert syntax not in text, (rel, syntax)
    # The night-shift post carries the idioms real blogs use: its footnote leads to the note.
    night = site.soup(post("2023/05/14/notes-from-the-night-shift"))
    ref = night.select_one("a.footnote-ref")
    assert ref is not None and night.find(id=ref["href"].lstrip("#")) is not None
    assert night.find("img", alt="Alert map")["class"] == ["center"]
    # Every body image of the fixture is there (23 images, covers included), and links.
    body_images = sum(
        len(site.soup(p).select("article img, [role=main] img, .rst-content img, main img"))
        for p in posts
    )
    assert body_images >= 23
    assert images >= body_images and links > 40

    # Cross-post links lead to the right post, in every spelling.
    review = post("2022/01/10/year-in-review")
    expect = {
        "said hello": "2021/01/25/hello-lighthouse",
        "a style guide": "2021/02/14/writing-style-guide",
        "template code": "2021/03/03/liquid-in-practice",
        "build times": "2021/04/02/measuring-build-times",
        "release notes": "2021/05/19/release-notes-automation",
        "search": "2021/07/08/search-that-works",
    }
    for text, slug in expect.items():
        assert link_to(site, review, text) == post(slug), text
    about = "about/index.html" if directory_urls else "about.html"
    assert link_to(site, review, "archive of this blog") == about
    assert link_to(site, post("2021/01/25/hello-lighthouse"), "about page") == about
    style = post("2021/02/14/writing-style-guide")
    assert link_to(site, style, "first post") == post("2021/01/25/hello-lighthouse")
    assert link_to(site, style, "its permalink") == post("2021/01/25/hello-lighthouse")
    moving = post("2023/11/05/moving-to-mkdocs")
    assert link_to(site, moving, "Liquid post") == post("2021/03/03/liquid-in-practice")
    lists = post("2022/03/21/lists-and-code")
    assert link_to(site, lists, "the style guide") == style
    release = post("2021/05/19/release-notes-automation")
    assert link_to(site, release, "style guide") == style
    search = site.soup(post("2021/07/08/search-that-works"))
    anchor = search.find("a", string=re.compile("the style rules"))
    assert anchor["href"].endswith("#the-rules")

    # The summary line of the build.
    summary = [m for m in site.infos if " posts, " in m and "links rewritten" in m]
    assert len(summary) == 1, site.infos
    counts = re.search(r"(\d+) posts, .* (\d+) links rewritten, (\d+) warnings", summary[0])
    assert counts is not None
    assert counts.group(1) == "13"
    assert int(counts.group(2)) >= 30
    assert counts.group(3) == "0"


def test_liquid_idioms_render_as_the_jekyll_readers_saw_them(tmp_path: Path) -> None:
    site = build_migrated(tmp_path, {"markdown_extensions": MATERIAL_EXTENSIONS})
    assert site.warnings == []
    soup = site.soup("blog/2021/03/03/liquid-in-practice/index.html")
    text = soup.select_one("article").get_text()
    codes = [c.get_text() for c in soup.select("article code")]
    # raw: the template code shows as typed, without the raw markers.
    assert "{{ page.title }}" in codes
    assert "{{ site.title }}" in codes
    assert (
        'A whole block kept as typed: {{ page.date | date: "%B %-d, %Y" }} and {% if x %}.' in text
    )
    assert "{% raw %}" not in text and "{% endraw %}" not in text
    assert any("{% for post in site.posts %}{{ post.title }}{% endfor %}" in c for c in codes)
    # highlight: a highlighted code block, no line-number table, no leftover tags.
    ruby = [c for c in codes if "def greet(name)" in c]
    assert ruby and 'puts "Hello, #{name}"' in ruby[0]
    assert "{% highlight" not in text and "endhighlight" not in text
    assert any("{{ indented_code_stays_literal }}" in c for c in codes)
    # comment: dropped as Jekyll did.
    assert "for the editors only" not in text and "comment" not in text
    # baseurl and relative_url images point at the real file.
    imgs = [i["src"] for i in soup.select("article img")]
    assert imgs == ["../../../../../assets/img/posts/20210303/render-time.png"] * 2

    lists = site.soup("blog/2022/03/21/lists-and-code/index.html")
    lists_codes = [c.get_text() for c in lists.select("article code")]
    assert any("./assets/img/posts/{{ date }}/cover.png" in c for c in lists_codes)
    assert any(
        '<img src="./assets/never-rewritten.png">' in c
        and "[not a link](/never-rewritten.html) and {% include never-run.html %}" in c
        for c in lists_codes
    )
    assert "![x](./assets/inline.png)" in lists_codes
    assert "{% post_url x %}" in lists_codes


def test_full_width_images_and_raw_html(tmp_path: Path) -> None:
    site = build_migrated(tmp_path, {"markdown_extensions": MATERIAL_EXTENSIONS})
    style = site.soup("blog/2021/02/14/writing-style-guide/index.html")
    full = style.select("article img.blogpost-full")
    assert [i["src"] for i in full] == ["../../../../../assets/img/posts/20210214/guide.png"]
    search = site.soup("blog/2021/07/08/search-that-works/index.html")
    raw_full = search.select("article img.blogpost-full")
    assert [i["src"] for i in raw_full] == ["../../../../../assets/img/posts/20210708/synonyms.png"]
    assert raw_full[0]["alt"] == "The synonym table"
    centered = search.select_one('p[align="center"] img')
    assert centered["src"] == "../../../../../assets/img/posts/20210708/no-results.png"
    assert "#full" not in site.read("blog/2021/02/14/writing-style-guide/index.html")
    css = site.read("assets/blogpost/blogpost.css")
    assert ".blogpost-full" in css


def test_per_post_switches_in_material(tmp_path: Path) -> None:
    site = build_migrated(tmp_path, {"markdown_extensions": MATERIAL_EXTENSIONS})
    assert site.warnings == []

    def toc_sidebar(page: str):
        return site.soup(page).select_one('.md-sidebar--secondary[data-md-type="toc"]')

    # toc: no hides Material's table of contents; toc: yes / on and the default show it.
    assert toc_sidebar("blog/2021/01/25/hello-lighthouse/index.html").has_attr("hidden")
    for page in (
        "blog/2021/04/02/measuring-build-times/index.html",
        "blog/2022/06/30/accessibility-checklist/index.html",
        "blog/2021/02/14/writing-style-guide/index.html",
    ):
        assert not toc_sidebar(page).has_attr("hidden"), page

    # mathjax: yes renders math and loads MathJax on that page only.
    math_page = site.soup("blog/2021/04/02/measuring-build-times/index.html")
    spans = [s.get_text() for s in math_page.select("article .arithmatex")]
    assert "\\(\\tilde{x}\\)" in spans
    assert any(s.startswith("\\[") and "Q_3 - Q_1" in s for s in spans)
    assert "\\(t &gt; Q_3 + 1.5 \\cdot \\mathrm{IQR}\\)" in str(math_page) or any(
        "t > Q_3" in s for s in spans
    )
    # Inside Material's container, whose scripts instant navigation runs again.
    container = math_page.select_one('[data-md-component="container"]')
    scripts = [s.get("src") for s in container.find_all("script") if s.get("src")]
    assert any("mathjax" in s for s in scripts)
    for page in site.html_files():
        if page != "blog/2021/04/02/measuring-build-times/index.html":
            assert "mathjax" not in site.read(page).lower(), page

    # github: a "View on GitHub" link to the right place.
    release = site.soup("blog/2021/05/19/release-notes-automation/index.html")
    gh = release.select_one(".blogpost-github a")
    assert gh["href"] == "https://github.com/lighthouse-example/release-notes-bot"
    assert gh.get_text(strip=True) == "View on GitHub"
    moving = site.soup("blog/2023/11/05/moving-to-mkdocs/index.html")
    assert (
        moving.select_one(".blogpost-github a")["href"]
        == "https://github.com/lighthouse-example/docs-site/tree/main/blog"
    )
    assert site.soup("blog/2021/01/25/hello-lighthouse/index.html").select(".blogpost-github") == []
    # YAML 1.1 switches: read_time: no hides the reading time, show_date: off the date.
    lists = site.soup("blog/2022/03/21/lists-and-code/index.html")
    assert lists.select(".blogpost-meta__read") == []
    oncall = site.soup("blog/2022/09/12/docs-on-call/index.html")
    assert oncall.select(".blogpost-meta__date") == []
    assert oncall.select(".blogpost-meta__read")


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_toc_switch_in_other_themes(build_site: BuildSite, theme: str) -> None:
    body = "\n\n## First part\n\nText.\n\n## Second part\n\nMore.\n"
    site = build_site(
        {
            "blog/posts/2024-01-01-hidden.md": "---\ntitle: Hidden\ntoc: no\n---" + body,
            "blog/posts/2024-01-02-shown.md": "---\ntitle: Shown\ntoc: yes\n---" + body,
        },
        {"theme": {"name": theme}, "nav": ["index.md"]},
    )
    hidden = site.read("blog/2024/01/01/hidden/index.html")
    shown = site.read("blog/2024/01/02/shown/index.html")
    # The headings are on both pages; only the shown one links to them from a toc.
    assert 'id="first-part"' in hidden and 'id="first-part"' in shown
    if theme == "mkdocs":
        assert 'href="#first-part"' in shown
        assert 'href="#first-part"' not in hidden
    # Search still indexes the sections of the post whose toc is hidden.
    index = site.read("search/search_index.json")
    assert "blog/2024/01/01/hidden/#first-part" in index


def test_mathjax_keeps_other_pages_and_sites_alone(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/2024-01-01-money.md": "---\ntitle: Money\n---\nIt costs $5 and $6_a_b.\n",
            "blog/posts/2024-01-02-math.md": "---\ntitle: Math\nmathjax: on\n---\nSee $a_1$.\n",
            "page.md": "# Page\n\n$x$ stays text.\n",
        }
    )
    money = site.soup("blog/2024/01/01/money/index.html")
    assert "It costs $5 and $6_a_b." in money.get_text()
    assert not money.select(".arithmatex")
    assert site.soup("page/index.html").select(".arithmatex") == []
    math = site.soup("blog/2024/01/02/math/index.html")
    assert math.select(".arithmatex")
    # Other themes get MathJax in the head.
    other = build_site(
        {"blog/posts/2024-01-02-math.md": "---\ntitle: Math\nmathjax: on\n---\nSee $a_1$.\n"},
        {"theme": {"name": "mkdocs"}},
    )
    head = other.soup("blog/2024/01/02/math/index.html").head
    assert any("mathjax" in (s.get("src") or "") for s in head.find_all("script"))


def test_problems_are_warnings_with_file_and_line(build_site: BuildSite) -> None:
    src = "blog/posts/2024-01-01-broken.md"
    site = build_site(
        {
            src: (
                "---\n"  # 1
                "title: Broken\n"  # 2
                "github: 'javascript:alert(1)'\n"  # 3
                "toc: maybe\n"  # 4
                "---\n"  # 5
                "Intro.\n"  # 6
                "\n"  # 7
                "{% include newsletter.html %}\n"  # 8
                "\n"  # 9
                "[gone](/nowhere.html) and ![lost](./assets/lost.png)\n"  # 10
                "and [old]({% post_url 2019-01-01-never %})\n"  # 11
                '<img src="/assets/missing.png" alt="m">\n'  # 12
                "{{ page.title }}\n"  # 13
                "[secret](/secret.html)\n"  # 14: a draft, left out of the build
            ),
            "blog/posts/2024-01-03-secret.md": "---\ntitle: Secret\ndraft: true\n---\nNot yet.\n",
            "blog/posts/2024-01-02-fine.md": "---\ntitle: Fine\n---\nAll good.\n",
        },
        strict=False,
    )
    warnings = site.warnings
    joined = "\n".join(warnings)

    def has(*words: str) -> bool:
        return any(all(w in m for w in words) for m in warnings)

    assert has(f"{src}:8", "{% include newsletter.html %}"), joined
    assert has(f"{src}:11", "2019-01-01-never"), joined
    # ...once: the link step does not report the Liquid again.
    assert sum("2019-01-01-never" in m for m in warnings) == 1, joined
    assert has(f"{src}:13", "{{ page.title }}"), joined
    assert has(f"{src}:3", "github"), joined
    assert has(f"{src}:4", "toc"), joined
    assert has(f"{src}:10", "/nowhere.html"), joined
    assert has(src, "./assets/lost.png"), joined  # MkDocs' own warning for relative files
    assert has(f"{src}:12", "/assets/missing.png"), joined
    assert has(f"{src}:14", "/secret.html"), joined
    # Unknown Liquid stays visible; the post and its neighbour are built.
    page = site.soup("blog/2024/01/01/broken/index.html")
    assert "{% include newsletter.html %}" in page.get_text()
    assert "{{ page.title }}" in page.get_text()
    assert page.select(".blogpost-github") == []
    assert site.exists("blog/2024/01/02/fine/index.html")
    summary = [m for m in site.infos if "links rewritten" in m]
    # Ours and MkDocs' own about the post (./assets/lost.png), not other files'.
    ours = [m for m in warnings if "2024-01-01-broken.md" in m]
    assert summary and f"{len(ours)} warnings" in summary[0], (summary, warnings)
    # --strict turns them into a failed build.
    build_site({src: site.root.joinpath("docs", src).read_text()}, expect_failure=True)


def test_raw_html_next_to_the_post_follows_the_moved_post(build_site: BuildSite) -> None:
    files = {
        "blog/posts/2024-01-01-local.md": (
            "---\ntitle: Local\n---\n"
            '<img src="pic.png" alt="next to the post">\n\n'
            "![also](pic.png)\n\n"
            '<a href="2024-01-02-other.md#part">other</a>\n'
        ),
        "blog/posts/pic.png": PNG,
        "blog/posts/2024-01-02-other.md": "---\ntitle: Other\n---\n## Part\n",
    }
    for directory_urls in (True, False):
        site = build_site(files, {"use_directory_urls": directory_urls})
        assert site.warnings == []
        page = (
            "blog/2024/01/01/local/index.html" if directory_urls else "blog/2024/01/01/local.html"
        )
        soup = site.soup(page)
        srcs = [i["src"] for i in soup.select("article img")]
        for src in srcs:
            assert site.path(
                posixpath.normpath(posixpath.join(posixpath.dirname(page), src))
            ).is_file()
        assert len(srcs) == 2
        href = soup.find("a", string="other")["href"]
        assert href.endswith("#part")
        expected = "../../02/other/#part" if directory_urls else "../02/other.html#part"
        assert href == expected


def test_pages_outside_the_blog_keep_mkdocs_behaviour(build_site: BuildSite) -> None:
    site = build_site(
        {
            "guide.md": "# Guide\n\n![a](/assets/a.png)\n\n[post](./hello.html)\n",
            "assets/a.png": PNG,
            "blog/posts/2024-01-01-hello.md": "---\ntitle: Hello\n---\nHi.\n",
        },
        # Without it, `hello.html` is the post's old Jekyll URL: a real redirect page.
        {"plugins": [{"blogpost": {"permalink_redirects": False}}]},
        strict=False,
    )
    guide = site.soup("guide/index.html")
    # Not a post: nothing of the Jekyll rewriting applies, MkDocs reports as usual.
    assert guide.select_one("article img")["src"] == "/assets/a.png"
    assert any("guide.md" in m and "hello.html" in m for m in site.warnings)


def test_two_builds_with_one_plugin_instance_match(tmp_path: Path) -> None:
    migrate_site(tmp_path)
    cfg = make_config(tmp_path, {"markdown_extensions": MATERIAL_EXTENSIONS}, True)
    first = run_build(tmp_path, cfg)
    page = "blog/2022/01/10/year-in-review/index.html"
    html1 = first.read(page)
    extensions = list(cfg.markdown_extensions)
    second = run_build(tmp_path, cfg)
    assert second.read(page) == html1
    sums = [next(m for m in s.infos if "links rewritten" in m) for s in (first, second)]
    assert sums[0] == sums[1]
    # The second build leaves the site's Markdown extensions as the first did: what a
    # build adds is taken out before the next one adds it again, so none is doubled.
    assert len(cfg.markdown_extensions) == len(extensions)
    added = [e for e in cfg.markdown_extensions if not isinstance(e, str)]
    assert added and len({type(e) for e in added}) == len(added)


def test_build_writes_nothing_into_docs(tmp_path: Path) -> None:
    # The posts are converted in memory: the copied blog stays byte for byte as it was.
    migrate_site(tmp_path)
    docs = tmp_path / "docs"
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    cfg = make_config(tmp_path, None, True)
    run_build(tmp_path, cfg)
    after = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert before == after


@pytest.mark.browser
def test_full_width_image_spans_the_column_in_a_browser(tmp_path: Path) -> None:
    site = build_migrated(tmp_path, {"markdown_extensions": MATERIAL_EXTENSIONS})
    page_path = site.path("blog/2021/02/14/writing-style-guide/index.html")
    with launch_chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(page_path.as_uri())
        widths = page.evaluate(
            """() => {
              const article = document.querySelector("article");
              const style = getComputedStyle(article);
              const inner = article.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight);
              const full = document.querySelector("article img.blogpost-full");
              return {inner, full: full.getBoundingClientRect().width};
            }"""
        )
    # The 1x1 test image is stretched to the column only because of the #full marker.
    assert widths["full"] > 300
    assert abs(widths["full"] - widths["inner"]) < 2, widths


def test_problem_lines_count_the_blank_lines_after_the_front_matter(build_site: BuildSite) -> None:
    src = "blog/posts/2024-01-01-spaced.md"
    text = "---\ntitle: Spaced\n---\n\n\nIntro.\n\n{{ page.title }}\n[gone](/nowhere.html)\n"
    site = build_site({src: text}, strict=False)
    joined = "\n".join(site.warnings)
    assert f"{src}:8: " in joined and "{{ page.title }}" in joined, joined
    assert any(f"{src}:9" in m and "/nowhere.html" in m for m in site.warnings), joined
