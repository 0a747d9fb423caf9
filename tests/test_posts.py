"""Real builds: posts become pages with normalised metadata and a header (issue 2)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.build import META_HOOK, PNG, BuildSite, make_config, run_build, write_tree
from support.fuzz import FUZZ, NOW, yamlish, zones

from mkdocs_blogpost.posts import PostContext, read_post
from mkdocs_blogpost.text import title_from_filename

LONG = " ".join(["word"] * 450)


def read_meta(site) -> dict:
    return json.loads((site.root / "meta.json").read_text())


def with_hook(config: dict | None = None) -> dict:
    cfg = dict(config or {})
    cfg["hooks"] = ["hooks.py"]
    return cfg


@pytest.fixture
def hooked(tmp_path: Path):
    def _build(files, config=None, **kw):
        root = tmp_path / "hooked"
        write_tree(root / "docs", {"index.md": "# Home\n", **files})
        (root / "hooks.py").write_text(META_HOOK)
        cfg = make_config(root, with_hook(config), kw.pop("strict", True))
        return run_build(root, cfg, **kw)

    return _build


def test_posts_found_nested_and_markdown_ext_others_untouched(build_site: BuildSite) -> None:
    site = build_site(
        {
            "about.md": "# About\n\nPlain page.\n",
            "blog/posts/2024-06-30-first.md": "---\ntitle: First\n---\nHello.\n",
            "blog/posts/2023/2023-01-02-nested.markdown": "---\ntitle: Nested\n---\nHi.\n",
        }
    )
    assert site.exists("blog/2024/06/30/first/index.html")
    assert site.exists("blog/2023/01/02/nested/index.html")
    about = site.soup("about/index.html")
    assert about.select_one(".blogpost-header") is None
    assert about.find("h1").get_text(strip=True).startswith("About")
    first = site.soup("blog/2024/06/30/first/index.html")
    assert first.select_one(".blogpost-header h1").get_text() == "First"


def test_front_matter_normalised_into_meta(hooked) -> None:
    site = hooked(
        {
            "assets/img/posts/20240630/cover.png": PNG,
            "blog/posts/2024-06-30-shipping.md": """
                ---
                layout: post
                read_time: true
                show_date: true
                title: "Shipping: docs & code"
                date: 2023-02-16 12:16:00 +0800
                img: posts/20240630/cover.png
                tags: [docs, ci, open source]
                category: opinion
                author: Jane Doe
                description: "One sentence."
                toc: yes
                mathjax: yes
                lang: en
                github: owner/repo
                custom_key: {nested: [1, 2]}
                ---
                Body text.
                """,
            "blog/posts/2024-07-01-block.md": """
                ---
                title: Block list
                tags:
                  - one
                  - two
                categories: [a, b]
                authors: [X, Y]
                ---
                Body.
                """,
            "blog/posts/2024-07-02-spaces.md": "---\ntitle: Spaces\ntags: alpha beta gamma\n---\nB\n",
        }
    )
    meta = read_meta(site)
    post = meta["blog/posts/2024-06-30-shipping.md"]["meta"]
    assert post["title"] == "Shipping: docs &amp; code"
    assert post["date"] == "2023-02-16T12:16:00+08:00"
    assert post["tags"] == ["docs", "ci", "open source"]
    assert post["categories"] == ["opinion"]
    assert post["authors"] == ["Jane Doe"]
    assert post["description"] == "One sentence."
    assert post["toc"] is True and post["mathjax"] is True
    assert post["lang"] == "en" and post["github"] == "owner/repo"
    assert post["custom_key"] == {"nested": [1, 2]}
    assert post["layout"] == "post"
    block = meta["blog/posts/2024-07-01-block.md"]["meta"]
    assert block["tags"] == ["one", "two"]
    assert block["categories"] == ["a", "b"]
    assert block["authors"] == ["X", "Y"]
    assert meta["blog/posts/2024-07-02-spaces.md"]["meta"]["tags"] == ["alpha", "beta", "gamma"]
    # The date written with +0800 is shown as that calendar day in the header.
    html = site.soup("blog/2023/02/16/shipping/index.html")
    assert html.select_one(".blogpost-meta time")["datetime"] == "2023-02-16T12:16:00+08:00"
    assert html.select_one(".blogpost-meta time").get_text() == "February 16, 2023"


@pytest.mark.parametrize(
    ("date_line", "url", "iso"),
    [
        ("date: 2024-06-30", "blog/2024/06/30/p/", "2024-06-30T00:00:00+00:00"),
        ('date: "2024-12-22  08:32:20 0000"', "blog/2024/12/22/p/", "2024-12-22T08:32:20+00:00"),
        ("date: 2024-06-30T23:30:00-02:00", "blog/2024/06/30/p/", "2024-06-30T23:30:00-02:00"),
        ("date: 2024-06-30 10:00:00", "blog/2024/06/30/p/", "2024-06-30T10:00:00+00:00"),
        ("", "blog/2021/04/02/p/", "2021-04-02T00:00:00+00:00"),
    ],
)
def test_date_forms_and_filename_fallback(
    build_site: BuildSite, date_line: str, url: str, iso: str
) -> None:
    site = build_site({"blog/posts/2021-04-02-p.md": f"---\ntitle: P\n{date_line}\n---\nText.\n"})
    soup = site.soup(url + "index.html")
    assert soup.select_one(".blogpost-meta time")["datetime"] == iso


def test_site_timezone_for_naive_dates(build_site: BuildSite) -> None:
    site = build_site(
        {"blog/posts/p.md": "---\ntitle: P\ndate: 2024-01-15 23:30:00\n---\nText.\n"},
        {"plugins": [{"blogpost": {"timezone": "America/New_York"}}]},
    )
    time = site.soup("blog/2024/01/15/p/index.html").select_one("time")
    assert time["datetime"] == "2024-01-15T23:30:00-05:00"


def test_bad_date_warns_with_file_and_value_and_strict_fails(build_site: BuildSite) -> None:
    files = {
        "blog/posts/good.md": "---\ntitle: Good\ndate: 2024-01-01\n---\nText.\n",
        "blog/posts/bad.md": "---\ntitle: Bad\ndate: 2024-02-30\n---\nText.\n",
    }
    site = build_site(files, strict=False)
    warning = next(w for w in site.warnings if "bad.md" in w)
    assert "blog/posts/bad.md:3" in warning and "2024-02-30" in warning and "date" in warning
    assert site.exists("blog/2024/01/01/good/index.html")
    failed = build_site(files, expect_failure=True)
    assert failed.error is not None


def test_title_from_heading_then_filename(hooked) -> None:
    site = hooked(
        {
            "blog/posts/2024-01-01-from-heading.md": "---\ndate: 2024-01-01\n---\n# Heading Title\n\nText.\n",
            "blog/posts/2024-01-02-from-the-file_name.md": "Just text, no heading.\n",
            "blog/posts/2024-01-03-fenced.md": "```\n# not a title\n```\n\nText.\n",
        }
    )
    meta = read_meta(site)
    assert meta["blog/posts/2024-01-01-from-heading.md"]["title"] == "Heading Title"
    assert meta["blog/posts/2024-01-02-from-the-file_name.md"]["title"] == "From the file name"
    assert meta["blog/posts/2024-01-03-fenced.md"]["title"] == "Fenced"
    soup = site.soup("blog/2024/01/01/from-heading/index.html")
    h1s = soup.select("article h1")
    assert len(h1s) == 1 and h1s[0].get_text(strip=True).startswith("Heading Title")
    # The author's heading stays first, the meta line follows it inside the header.
    header = soup.select_one(".blogpost-header")
    assert header.find("h1") is not None and header.select_one(".blogpost-meta") is not None


def test_title_from_filename() -> None:
    assert title_from_filename("shipping-docs_fast") == "Shipping docs fast"


def test_covers_from_img_image_and_img_path(build_site: BuildSite) -> None:
    site = build_site(
        {
            "assets/img/posts/20240630/cover.png": PNG,
            "media/pics/c.png": PNG,
            "blog/posts/2024-06-30-img.md": "---\ntitle: I\nimg: posts/20240630/cover.png\n---\nT\n",
            "blog/posts/2024-07-01-url.md": "---\ntitle: U\nimage: https://cdn.example.org/c.jpg\n---\nT\n",
            "blog/posts/2024-07-02-imgpath.md": "---\ntitle: P\nimg_path: /media/pics\nimage: c.png\n---\nT\n",
            "blog/posts/2024-07-03-dict.md": "---\ntitle: D\nimage:\n  path: /media/pics/c.png\n  alt: A lamp\n---\nT\n",
        }
    )
    img = site.soup("blog/2024/06/30/img/index.html").select_one(".blogpost-cover img")
    assert img["src"] == "../../../../../assets/img/posts/20240630/cover.png"
    assert (site.site_dir / "blog/2024/06/30/img" / img["src"]).resolve().exists()
    assert img["alt"] == "I"
    url = site.soup("blog/2024/07/01/url/index.html").select_one(".blogpost-cover img")
    assert url["src"] == "https://cdn.example.org/c.jpg"
    path = site.soup("blog/2024/07/02/imgpath/index.html").select_one(".blogpost-cover img")
    assert (site.site_dir / "blog/2024/07/02/imgpath" / path["src"]).resolve().exists()
    alt = site.soup("blog/2024/07/03/dict/index.html").select_one(".blogpost-cover img")
    assert alt["alt"] == "A lamp"


def test_missing_cover_warns(build_site: BuildSite) -> None:
    site = build_site(
        {"blog/posts/2024-06-30-x.md": "---\ntitle: X\nimg: posts/none.png\n---\nT\n"},
        strict=False,
    )
    assert any("2024-06-30-x.md:3" in w and "posts/none.png" in w for w in site.warnings)
    assert site.soup("blog/2024/06/30/x/index.html").select_one(".blogpost-cover") is None


def test_read_time_and_show_date_switches_and_defaults(build_site: BuildSite) -> None:
    files = {
        "blog/posts/2024-01-01-on.md": f"---\ntitle: On\n---\n{LONG}\n",
        "blog/posts/2024-01-02-off.md": f"---\ntitle: Off\nread_time: no\nshow_date: false\n---\n{LONG}\n",
        "blog/posts/2024-01-03-short.md": "---\ntitle: Short\n---\nA few words.\n",
    }
    site = build_site(files)
    on = site.soup("blog/2024/01/01/on/index.html")
    assert on.select_one(".blogpost-meta__read").get_text() == "3 min read"
    assert on.select_one(".blogpost-meta time").get_text() == "January 1, 2024"
    off = site.soup("blog/2024/01/02/off/index.html")
    assert off.select_one(".blogpost-meta__read") is None
    assert off.select_one("time") is None
    short = site.soup("blog/2024/01/03/short/index.html")
    assert short.select_one(".blogpost-meta__read").get_text() == "less than 1 minute read"
    # Site-wide defaults off; a post can still switch them on.
    files["blog/posts/2024-01-03-short.md"] = f"---\ntitle: Short\nread_time: true\n---\n{LONG}\n"
    site2 = build_site(files, {"plugins": [{"blogpost": {"read_time": False, "show_date": False}}]})
    assert site2.soup("blog/2024/01/01/on/index.html").select_one(".blogpost-meta__read") is None
    assert site2.soup("blog/2024/01/01/on/index.html").select_one("time") is None
    assert site2.soup("blog/2024/01/03/short/index.html").select_one(".blogpost-meta__read")


def test_reading_time_cjk_and_code_excluded(build_site: BuildSite) -> None:
    cjk = "文" * 1200
    code = "\n".join(["    " + " ".join(["code"] * 50)] * 40)
    site = build_site(
        {
            "blog/posts/2024-01-01-cjk.md": f"---\ntitle: CJK\n---\n{cjk}\n",
            "blog/posts/2024-01-02-code.md": f"---\ntitle: Code\n---\nSome words here.\n\n{code}\n",
        }
    )
    cjk_read = site.soup("blog/2024/01/01/cjk/index.html").select_one(".blogpost-meta__read")
    assert cjk_read.get_text() == "3 min read"
    code_read = site.soup("blog/2024/01/02/code/index.html").select_one(".blogpost-meta__read")
    assert code_read.get_text() == "less than 1 minute read"


def test_drafts_absent_from_build(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/2024-01-01-live.md": "---\ntitle: Live\n---\nT\n",
            "blog/posts/2024-01-02-draft.md": "---\ntitle: Draft\ndraft: true\n---\nT\n",
            "blog/posts/2024-01-03-unpub.md": "---\ntitle: Unpub\npublished: false\n---\nT\n",
        }
    )
    assert site.exists("blog/2024/01/01/live/index.html")
    assert not site.exists("blog/2024/01/02/draft/index.html")
    assert not site.exists("blog/2024/01/03/unpub/index.html")
    assert "Draft" not in site.read("search/search_index.json")
    assert "draft" not in site.read("sitemap.xml")


def test_drafts_shown_with_badge_on_serve(tmp_path: Path) -> None:
    root = tmp_path / "serve"
    write_tree(
        root / "docs",
        {
            "index.md": "# Home\n",
            "blog/posts/2024-01-02-draft.md": "---\ntitle: Draft\ndraft: true\n---\nT\n",
        },
    )
    cfg = make_config(root, None, True)
    site = run_build(root, cfg, serve=True)
    badge = site.soup("blog/2024/01/02/draft/index.html").select_one(".blogpost-badge")
    assert badge is not None and badge.get_text(strip=True) == "Draft"


def test_invalid_yaml_reported_with_line_and_not_left_in_body(build_site: BuildSite) -> None:
    files = {
        "blog/posts/2024-05-05-broken.md": "---\ntitle: Broken\ntags: [a, b\nauthor: X\n---\nThe body.\n",
    }
    site = build_site(files, strict=False)
    warning = next(w for w in site.warnings if "broken.md" in w)
    assert "blog/posts/2024-05-05-broken.md:3:" in warning and "YAML" in warning
    assert not site.exists("blog/2024/05/05/broken/index.html")
    # The preview under serve shows the body without the broken block.
    site = build_site(files, strict=False, serve=True)
    soup = site.soup("blog/2024/05/05/broken/index.html")
    text = soup.select_one("article").get_text()
    assert "tags: [a, b" not in text and "The body." in text


def test_meta_description_in_material_and_mkdocs(build_site: BuildSite) -> None:
    post = {"blog/posts/2024-01-01-d.md": '---\ntitle: D\ndescription: Say "hi" <b>&</b>\n---\nT\n'}
    for theme in ("material", "mkdocs", "readthedocs"):
        site = build_site(post, {"theme": {"name": theme}})
        metas = site.soup("blog/2024/01/01/d/index.html").select('head meta[name="description"]')
        assert [m["content"] for m in metas] == ['Say "hi" <b>&</b>'], theme


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_header_in_each_theme_and_url_style(
    build_site: BuildSite, theme: str, directory_urls: bool
) -> None:
    site = build_site(
        {
            "assets/img/c.png": PNG,
            "blog/posts/2024-06-30-hello.md": (
                "---\ntitle: Hello <em>there</em>\nauthor: [Ann, Bo]\nimage: /assets/img/c.png\n"
                f"tags: [x, y]\n---\n{LONG}\n"
            ),
        },
        {"theme": {"name": theme}, "use_directory_urls": directory_urls},
    )
    rel = "blog/2024/06/30/hello/index.html" if directory_urls else "blog/2024/06/30/hello.html"
    soup = site.soup(rel)
    header = soup.select_one(".blogpost-header")
    assert header is not None
    assert header.find("h1").get_text() == "Hello <em>there</em>"
    assert header.find("h1").find("em") is None
    assert soup.find("title").get_text().startswith("Hello <em>there</em>")
    assert header.select_one("time").get_text() == "June 30, 2024"
    assert header.select_one(".blogpost-meta__read").get_text() == "3 min read"
    assert "Ann" in header.select_one(".blogpost-meta__authors").get_text()
    assert [t.get_text() for t in header.select(".blogpost-tag")] == ["x", "y"]
    img = header.select_one(".blogpost-cover img")
    assert (site.path(rel).parent / img["src"]).resolve().is_file()
    css = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    assert any(h.endswith("assets/blogpost/blogpost.css") for h in css)
    assert site.exists("assets/blogpost/blogpost.css")


def test_localized_header(build_site: BuildSite) -> None:
    site = build_site(
        {"blog/posts/2024-06-30-hallo.md": f"---\ntitle: Hallo\n---\n{LONG}\n"},
        {"theme": {"name": "material", "language": "de"}},
    )
    meta = site.soup("blog/2024/06/30/hallo/index.html").select_one(".blogpost-meta")
    assert meta.select_one("time").get_text() == "30. Juni 2024"
    assert meta.select_one(".blogpost-meta__read").get_text() == "3 Min. Lesezeit"


def test_custom_url_format_and_duplicate_slugs(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/a/2024-01-01-same.md": "---\ntitle: A\n---\nA body\n",
            "blog/posts/b/2024-02-01-same.md": "---\ntitle: B\n---\nB body\n",
            "blog/posts/c/same.md": "---\ntitle: C\ndate: 2024-03-01\n---\nC body\n",
        },
        {"plugins": [{"blogpost": {"post_url_format": "posts/{slug}/"}}]},
        strict=False,
    )
    assert site.soup("posts/same/index.html").find("h1").get_text() == "A"
    assert site.soup("posts/same-2/index.html").find("h1").get_text() == "B"
    assert site.soup("posts/same-3/index.html").find("h1").get_text() == "C"
    dupes = [w for w in site.warnings if "already used" in w]
    assert len(dupes) == 2 and any("b/2024-02-01-same.md" in w for w in dupes)


def test_slug_front_matter_and_plain_pages_not_overwritten(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/2024/01/01/taken.md": "# Existing page\n",
            "blog/posts/2024-01-01-whatever.md": "---\ntitle: Post\nslug: taken\n---\nT\n",
        },
        strict=False,
    )
    assert (
        site.soup("blog/2024/01/01/taken/index.html")
        .find("h1")
        .get_text(strip=True)
        .startswith("Existing page")
    )
    assert site.soup("blog/2024/01/01/taken-2/index.html").find("h1").get_text() == "Post"


def test_posts_dir_option(build_site: BuildSite) -> None:
    site = build_site(
        {
            "news/2024-01-01-n.md": "---\ntitle: News\n---\nT\n",
            "blog/posts/2024-01-01-ignored.md": "# Ignored\n",
        },
        {"plugins": [{"blogpost": {"posts_dir": "news"}}]},
    )
    assert site.exists("blog/2024/01/01/n/index.html")
    assert (
        site.soup("blog/posts/2024-01-01-ignored/index.html").select_one(".blogpost-header") is None
    )


def test_undated_post_warns_and_stays_reachable(build_site: BuildSite) -> None:
    # Jekyll would not publish it; `unprefixed_posts: include` keeps it as a plain page.
    site = build_site(
        {"blog/posts/notes.md": "---\ntitle: Notes\n---\nT\n"},
        {"plugins": [{"blogpost": {"unprefixed_posts": "include"}}]},
        strict=False,
    )
    assert any("notes.md" in w and "no date" in w for w in site.warnings)
    assert site.exists("blog/posts/notes/index.html")


def test_first_line_with_colon_is_not_metadata(build_site: BuildSite) -> None:
    site = build_site({"blog/posts/2024-01-01-n.md": "Note: this line is text.\n\nMore.\n"})
    assert "Note: this line is text." in site.read("blog/2024/01/01/n/index.html")


def test_two_builds_one_instance_identical(tmp_path: Path) -> None:
    root = tmp_path / "twice"
    write_tree(
        root / "docs",
        {
            "index.md": "# Home\n",
            "blog/posts/2024-01-01-a.md": "---\ntitle: A\ntags: [x]\n---\nText.\n",
            "blog/posts/x/2024-01-01-a.md": "---\ntitle: A again\n---\nText.\n",
        },
    )
    cfg = make_config(root, None, False)
    first = run_build(root, cfg)
    snapshot = {f: first.read(f) for f in first.html_files()}
    # mkdocs serve reloads the config and keeps plugins that have on_startup.
    cfg2 = make_config(root, None, False)
    assert cfg2.plugins["blogpost"] is cfg.plugins["blogpost"]
    second = run_build(root, cfg2)
    assert {f: second.read(f) for f in second.html_files()} == snapshot
    assert "blog/2024/01/01/a-2/index.html" in snapshot


# -- any file ---------------------------------------------------------------------------------


@FUZZ
@given(
    source=yamlish,
    name=st.one_of(st.text(max_size=20), st.sampled_from(["2024-02-30-x", "2024-06-30-", ".."])),
    tz=zones,
)
def test_any_file_is_read_into_a_post_with_a_safe_slug_and_text(source: str, name: str, tz: dt.tzinfo) -> None:
    ctx = PostContext(posts_dir="blog/posts", cover_dir="assets/img", timezone=tz, now=NOW)
    post = read_post(f"blog/posts/{name}.md", source, ctx)
    assert post.status in ("published", "draft", "future", "undated", "unreadable")
    assert post.slug and "/" not in post.slug and ".." not in post.slug
    for tag in post.meta["tags"]:
        assert "<" not in tag and '"' not in tag
    assert "<" not in post.meta["title"]


#: A site hook that, like a plugin with a high priority, gives pages metadata before
#: blogpost reads posts into theirs; then the page's final metadata is recorded.
EARLY_META_HOOK = (
    """
from mkdocs.plugins import event_priority

@event_priority(200)
def on_page_markdown(markdown, page, config, files):
    page.meta["reviewed_by"] = "night shift"
    page.meta["title"] = "Set by the hook"
    return markdown
"""
    + META_HOOK
)


def test_metadata_other_plugins_give_a_post_is_kept_beside_its_own(tmp_path: Path) -> None:
    root = tmp_path / "site"
    write_tree(
        root / "docs",
        {
            "index.md": "# Home\n",
            "blog/posts/2024-01-01-lamp.md": "---\ntitle: The lamp\nlocation: javascript:alert(1)\n---\nLit.\n",
            # No front matter: MkDocs reads this first line as MultiMarkdown metadata.
            "blog/posts/2024-01-02-note.md": "Note: the fog horn is tested on Mondays.\n\nMore.\n",
        },
    )
    (root / "hooks.py").write_text(EARLY_META_HOOK)
    site = run_build(root, make_config(root, with_hook(), False))
    meta = read_meta(site)
    lamp = meta["blog/posts/2024-01-01-lamp.md"]["meta"]
    assert lamp["reviewed_by"] == "night shift"
    # What blogpost reads from the post wins over the same key set elsewhere, and what
    # it dropped as unsafe does not come back from MkDocs' own reading of the file.
    assert lamp["title"] == "The lamp" and lamp["blogpost"] is True
    assert "location" not in lamp
    note = meta["blog/posts/2024-01-02-note.md"]["meta"]
    assert note["reviewed_by"] == "night shift"
    assert "note" not in note
    # Pages that are not posts keep what the hook gave them.
    assert meta["index.md"]["meta"]["title"] == "Set by the hook"
