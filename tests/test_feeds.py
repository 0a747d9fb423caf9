"""Feeds (issue 5): RSS 2.0, Atom and JSON Feed, parsed by feedparser and as XML/JSON."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from support.build import PNG, BuildSite, Site, make_config, run_build, write_tree

from mkdocs_blogpost.dates import get_timezone, parse_date
from mkdocs_blogpost.feeds import (
    FeedEntry,
    FeedInfo,
    absolute_url,
    build_atom,
    build_json_feed,
    build_rss,
    plain_summary,
    rfc822,
    rfc3339,
)
from mkdocs_blogpost.taxonomy import term_slug

SITE = "https://example.org/docs/"
ATOM = "{http://www.w3.org/2005/Atom}"
RSS_DATE_RE = re.compile(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
RFC3339_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$")

BLOG = {
    "guide.md": "# Guide\n\nA docs page.\n",
    "assets/img/posts/20240630/cover.png": PNG,
    "assets/img/posts/20240630/inline.png": PNG,
    "blog/posts/2024-06-30-shipping.md": """
        ---
        title: 'Shipping "docs" <fast> & safe'
        date: 2024-06-30 09:00:00 +0200
        updated: 2024-07-02 10:30:00 +0200
        img: posts/20240630/cover.png
        tags: [docs, C++]
        category: news
        author: [Jane Doe, Ola Nordmann]
        description: 'Why we ship docs like code & how.'
        ---
        Read the [guide](../../guide.md) and [this part](#details), or
        [elsewhere](https://other.example.com/x).

        ![Inline](../../assets/img/posts/20240630/inline.png)

        ## Details

        Text after the heading.
        """,
    "blog/posts/2024-01-15-winter.md": """
        ---
        title: Winter notes
        date: 2024-01-15 23:30:00
        tags: [docs]
        category: notes
        ---
        The excerpt paragraph.

        <!-- more -->

        The rest of the winter post.
        """,
    "blog/posts/2023/2023-03-03-old.md": "---\ntitle: Old one\ncategories: [notes]\n---\nOld text.\n",
    "blog/posts/2025-01-01-draft.md": "---\ntitle: Secret draft\ndraft: true\ntags: [docs]\n---\nDraft text.\n",
    "blog/posts/2025-01-02-unpub.md": "---\ntitle: Unpublished\npublished: false\n---\nNo.\n",
    "blog/posts/2999-01-01-future.md": "---\ntitle: From the future\ntags: [docs]\n---\nLater.\n",
}

EXPECTED_ORDER = ['Shipping "docs" <fast> & safe', "Winter notes", "Old one"]
EXPECTED_DATES = [
    dt.datetime(2024, 6, 30, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    dt.datetime(2024, 1, 15, 23, 30, tzinfo=dt.timezone.utc),
    dt.datetime(2023, 3, 3, tzinfo=dt.timezone.utc),
]


def local_path(site: Site, url: str) -> Path:
    """Map an absolute URL under SITE to the built file it serves."""
    assert url.startswith(SITE), url
    rel = urlsplit(url).path[len(urlsplit(SITE).path) :]
    path = site.site_dir / rel
    return path / "index.html" if url.endswith("/") or path.is_dir() else path


def parse_all(site: Site, folder: str = "blog") -> tuple[dict, dict, dict]:
    rss = feedparser.parse(site.path(f"{folder}/feed.xml").read_bytes())
    atom = feedparser.parse(site.path(f"{folder}/atom.xml").read_bytes())
    data = json.loads(site.read(f"{folder}/feed.json"))
    assert not rss.bozo, rss.bozo_exception
    assert not atom.bozo, atom.bozo_exception
    return rss, atom, data


def test_three_feeds_parse_with_entries_in_order(build_site: BuildSite) -> None:
    site = build_site(BLOG)
    rss, atom, data = parse_all(site)
    assert rss.version == "rss20" and atom.version == "atom10"
    for feed in (rss, atom):
        assert [e.title for e in feed.entries] == EXPECTED_ORDER
        assert feed.feed.title == "Test site"
    assert [item["title"] for item in data["items"]] == EXPECTED_ORDER
    # Links: absolute and pointing at the built post pages.
    urls = [e.link for e in rss.entries]
    assert urls == [e.link for e in atom.entries] == [i["url"] for i in data["items"]]
    assert urls[0] == SITE + "blog/2024/06/30/shipping/"
    for url in urls:
        assert local_path(site, url).is_file()
    # Stable ids: the same in every format, and the post URL.
    assert [e.id for e in rss.entries] == [e.id for e in atom.entries] == urls
    # Authors, tags and categories.
    first = atom.entries[0]
    assert [a["name"] for a in first.authors] == ["Jane Doe", "Ola Nordmann"]
    assert {t.term for t in first.tags} == {"docs", "C++", "news"}
    assert {t.term for t in rss.entries[0].tags} == {"docs", "C++", "news"}
    assert data["items"][0]["authors"] == [{"name": "Jane Doe"}, {"name": "Ola Nordmann"}]
    assert data["items"][0]["tags"] == ["news", "docs", "C++"]
    # Summary is the description; the full content is there by default.
    assert first.summary == "<p>Why we ship docs like code &amp; how.</p>"
    assert "Text after the heading." in first.content[0].value
    assert data["items"][0]["summary"] == "Why we ship docs like code & how."


def test_feeds_are_well_formed_xml_and_json_feed_structure(build_site: BuildSite) -> None:
    site = build_site(BLOG)
    rss = ET.fromstring(site.path("blog/feed.xml").read_bytes())
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert len(items) == 3
    self_link = channel.find(f"{ATOM}link")
    assert self_link is not None and self_link.get("href") == SITE + "blog/feed.xml"
    for item, expected in zip(items, EXPECTED_DATES, strict=True):
        pub = item.findtext("pubDate") or ""
        assert RSS_DATE_RE.match(pub), pub
        assert email.utils.parsedate_to_datetime(pub) == expected
        assert email.utils.parsedate_to_datetime(pub).utcoffset() == expected.utcoffset()
        assert item.find("guid").get("isPermaLink") == "true"
    # The channel's date is the newest change among entries, not the clock.
    assert channel.findtext("lastBuildDate") == "Tue, 02 Jul 2024 10:30:00 +0200"

    atom = ET.fromstring(site.path("blog/atom.xml").read_bytes())
    assert atom.tag == f"{ATOM}feed"
    assert atom.findtext(f"{ATOM}updated") == "2024-07-02T10:30:00+02:00"
    assert atom.findtext(f"{ATOM}id") == SITE + "blog/atom.xml"
    entries = atom.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry, expected in zip(entries, EXPECTED_DATES, strict=True):
        published = entry.findtext(f"{ATOM}published") or ""
        updated = entry.findtext(f"{ATOM}updated") or ""
        assert RFC3339_RE.match(published) and RFC3339_RE.match(updated)
        assert dt.datetime.fromisoformat(published) == expected
        assert entry.findtext(f"{ATOM}id")
    assert entries[0].findtext(f"{ATOM}updated") == "2024-07-02T10:30:00+02:00"
    assert entries[1].findtext(f"{ATOM}updated") == "2024-01-15T23:30:00+00:00"

    data = json.loads(site.read("blog/feed.json"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == SITE + "blog/feed.json"
    assert data["home_page_url"].startswith(SITE)
    assert isinstance(data["items"], list) and len(data["items"]) == 3
    for item, expected in zip(data["items"], EXPECTED_DATES, strict=True):
        assert {"id", "url", "content_html", "date_published", "title"} <= set(item)
        assert isinstance(item["id"], str) and item["id"]
        assert RFC3339_RE.match(item["date_published"])
        assert dt.datetime.fromisoformat(item["date_published"]) == expected
    assert data["items"][0]["date_modified"] == "2024-07-02T10:30:00+02:00"
    assert "date_modified" not in data["items"][1]


def test_every_url_in_feed_content_is_absolute_and_resolves(build_site: BuildSite) -> None:
    site = build_site(BLOG)
    rss, atom, data = parse_all(site)
    fragments = []
    for feed in (rss, atom):
        for entry in feed.entries:
            fragments.append(entry.summary)
            fragments += [c.value for c in entry.get("content", [])]
    for item in data["items"]:
        fragments.append(item["content_html"])
    checked = 0
    for fragment in fragments:
        soup = BeautifulSoup(fragment, "html.parser")
        for tag in soup.find_all(href=True) + soup.find_all(src=True):
            url = tag.get("href") or tag.get("src")
            assert urlsplit(url).scheme in ("http", "https"), url
            if url.startswith(SITE):
                assert local_path(site, url.split("#")[0]).is_file(), url
                checked += 1
            else:
                assert url == "https://other.example.com/x"
    # The guide link, the #details link and the inline image, in three formats.
    assert checked >= 9
    content = data["items"][0]["content_html"]
    assert 'href="https://example.org/docs/guide/"' in content
    assert 'href="https://example.org/docs/blog/2024/06/30/shipping/#details"' in content
    assert 'src="https://example.org/docs/assets/img/posts/20240630/inline.png"' in content
    # MkDocs' permalink anchors are not part of the text readers subscribe to.
    assert "headerlink" not in content


def test_cover_image_in_each_format(build_site: BuildSite) -> None:
    site = build_site(BLOG)
    cover = SITE + "assets/img/posts/20240630/cover.png"
    rss = ET.fromstring(site.path("blog/feed.xml").read_bytes())
    item = rss.find("channel/item")
    enclosure = item.find("enclosure")
    assert enclosure.get("url") == cover and enclosure.get("type") == "image/png"
    assert enclosure.get("length") == str(len(PNG))
    atom = feedparser.parse(site.path("blog/atom.xml").read_bytes())
    assert [link.href for link in atom.entries[0].links if link.rel == "enclosure"] == [cover]
    ns = {"a": "http://www.w3.org/2005/Atom"}
    atom_enclosure = ET.fromstring(site.path("blog/atom.xml").read_bytes()).find(
        "a:entry/a:link[@rel='enclosure']", ns
    )
    assert atom_enclosure.get("length") == str(len(PNG))
    assert atom_enclosure.get("type") == "image/png"
    data = json.loads(site.read("blog/feed.json"))
    assert data["items"][0]["image"] == cover
    assert "image" not in data["items"][1]
    assert local_path(site, cover).read_bytes() == PNG


def test_drafts_and_future_posts_never_in_feeds(build_site: BuildSite, tmp_path: Path) -> None:
    site = build_site(BLOG)
    texts = [site.read(f"blog/{name}") for name in ("feed.xml", "atom.xml", "feed.json")]
    for text in texts:
        for word in ("Secret draft", "Unpublished", "From the future", "2999", "2025"):
            assert word not in text
    # Under `mkdocs serve` drafts are shown as pages, still never in feeds.
    root = tmp_path / "serve"
    write_tree(root / "docs", {"index.md": "# Home\n", **BLOG})
    served = run_build(root, make_config(root, None, True), serve=True)
    assert served.exists("blog/2025/01/01/draft/index.html")
    rss, atom, data = parse_all(served)
    assert [e.title for e in rss.entries] == EXPECTED_ORDER
    assert [e.title for e in atom.entries] == EXPECTED_ORDER
    assert [i["title"] for i in data["items"]] == EXPECTED_ORDER


def many_posts(n: int) -> dict[str, str]:
    return {
        f"blog/posts/2020-01-{i + 1:02d}-post-{i + 1}.md": f"---\ntitle: Post {i + 1}\n---\nText {i + 1}.\n"
        for i in range(n)
    }


@pytest.mark.parametrize(("length", "expected"), [(None, 20), (5, 5), (0, 25)])
def test_feed_length(build_site: BuildSite, length: int | None, expected: int) -> None:
    options = {} if length is None else {"feed_length": length}
    site = build_site(many_posts(25), {"plugins": [{"blogpost": options}]})
    rss, atom, data = parse_all(site)
    titles = [f"Post {n}" for n in range(25, 25 - expected, -1)]
    assert [e.title for e in rss.entries] == titles
    assert [e.title for e in atom.entries] == titles
    assert [i["title"] for i in data["items"]] == titles


def test_excerpt_only_feeds(build_site: BuildSite) -> None:
    site = build_site(BLOG, {"plugins": [{"blogpost": {"feed_full_content": False}}]})
    rss = ET.fromstring(site.path("blog/feed.xml").read_bytes())
    assert rss.find(".//{http://purl.org/rss/1.0/modules/content/}encoded") is None
    atom = feedparser.parse(site.path("blog/atom.xml").read_bytes())
    assert all("content" not in e for e in atom.entries)
    winter = atom.entries[1]
    assert "The excerpt paragraph." in winter.summary
    assert "The rest of the winter post." not in winter.summary
    data = json.loads(site.read("blog/feed.json"))
    assert "The rest of the winter post." not in data["items"][1]["content_html"]
    assert "The excerpt paragraph." in data["items"][1]["content_html"]
    assert data["items"][1]["summary"] == "The excerpt paragraph."


def test_feeds_byte_identical_across_builds(tmp_path: Path) -> None:
    root = tmp_path / "twice"
    write_tree(root / "docs", {"index.md": "# Home\n", **BLOG})
    names = ["blog/feed.xml", "blog/atom.xml", "blog/feed.json"]
    cfg = make_config(root, None, True)
    first = run_build(root, cfg)
    snapshot = {n: first.path(n).read_bytes() for n in names}
    # Same plugin instance (as `mkdocs serve` rebuilds), then a fresh one.
    again = run_build(root, make_config(root, None, True))
    assert {n: again.path(n).read_bytes() for n in names} == snapshot
    assert b"lastBuildDate" in snapshot["blog/feed.xml"]


def test_feeds_identical_under_another_machine_time_zone(tmp_path: Path) -> None:
    root = tmp_path / "tz"
    write_tree(root / "docs", {"index.md": "# Home\n", **BLOG})
    make_config(root, None, True)
    outputs = []
    for zone in ("Pacific/Kiritimati", "America/Los_Angeles"):
        out = root / f"out-{zone.replace('/', '_')}"
        env = dict(os.environ, TZ=zone, NO_MKDOCS_2_WARNING="1")
        env["PYTHONPATH"] = os.pathsep.join(
            [str(Path(__file__).resolve().parents[1]), env.get("PYTHONPATH", "")]
        )
        command = [sys.executable, "-m", "mkdocs", "build", "-q"]
        result = subprocess.run(
            [*command, "-f", str(root / "mkdocs.yml"), "-d", str(out)],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        outputs.append({n: (out / "blog" / n).read_bytes() for n in ("feed.xml", "atom.xml")})
        outputs[-1]["feed.json"] = (out / "blog/feed.json").read_bytes()
    assert outputs[0] == outputs[1]


def test_build_date_only_when_asked(build_site: BuildSite) -> None:
    site = build_site(BLOG, {"plugins": [{"blogpost": {"feed_build_date": True}}]})
    channel = ET.fromstring(site.path("blog/feed.xml").read_bytes()).find("channel")
    stamped = email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate"))
    assert abs(stamped - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=10)


def test_missing_site_url_warns_once_and_writes_no_feed(build_site: BuildSite) -> None:
    site = build_site(BLOG, {"site_url": None}, strict=False)
    feed_warnings = [w for w in site.warnings if "feed" in w]
    assert len(feed_warnings) == 1
    assert "site_url" in feed_warnings[0] and "skipped" in feed_warnings[0]
    for name in ("feed.xml", "atom.xml", "feed.json"):
        assert not site.exists(f"blog/{name}")
    for rel in site.html_files():
        text = site.read(rel)
        assert 'href="None' not in text and "None/" not in text, rel
        assert not site.soup(rel).select("head link[rel~=alternate][type]"), rel
    failed = build_site(BLOG, {"site_url": None}, expect_failure=True)
    assert failed.error is not None
    quiet = build_site(BLOG, {"site_url": None, "plugins": [{"blogpost": {"feeds": False}}]})
    assert not [w for w in quiet.warnings if "feed" in w]


def test_per_tag_and_category_feeds(build_site: BuildSite) -> None:
    site = build_site(
        BLOG, {"plugins": [{"blogpost": {"feed_tags": True, "feed_categories": True}}]}
    )
    slug = term_slug("C++")
    assert slug == "c-plus-plus"
    cpp = feedparser.parse(site.path(f"blog/tags/{slug}/feed.xml").read_bytes())
    assert not cpp.bozo
    assert [e.title for e in cpp.entries] == [EXPECTED_ORDER[0]]
    assert "C++" in cpp.feed.title
    docs_atom = feedparser.parse(site.path("blog/tags/docs/atom.xml").read_bytes())
    assert [e.title for e in docs_atom.entries] == EXPECTED_ORDER[:2]
    notes = json.loads(site.read("blog/category/notes/feed.json"))
    assert [i["title"] for i in notes["items"]] == ["Winter notes", "Old one"]
    assert notes["feed_url"] == SITE + "blog/category/notes/feed.json"
    # No feed for a tag that only drafts or future posts carry... nor for unknown ones.
    assert not site.exists("blog/tags/secret/feed.xml")
    off = build_site(BLOG)
    assert not off.exists("blog/tags/docs/feed.xml")


def test_tag_of_only_drafts_gets_no_feed_under_serve(tmp_path: Path) -> None:
    root = tmp_path / "serve-tags"
    files = {
        "index.md": "# Home\n",
        "blog/posts/2024-01-01-a.md": "---\ntitle: A\ntags: [open]\n---\nA.\n",
        "blog/posts/2024-01-02-b.md": "---\ntitle: B\ntags: [hidden]\ndraft: true\n---\nB.\n",
    }
    write_tree(root / "docs", files)
    cfg = make_config(root, {"plugins": [{"blogpost": {"feed_tags": True}}]}, True)
    site = run_build(root, cfg, serve=True)
    assert site.exists("blog/tags/open/feed.xml")
    assert not site.exists("blog/tags/hidden/feed.xml")


def test_existing_file_is_never_overwritten(build_site: BuildSite) -> None:
    own = '<?xml version="1.0"?><rss version="2.0"><channel><title>Mine</title></channel></rss>'
    site = build_site({**BLOG, "blog/feed.xml": own}, strict=False)
    assert site.read("blog/feed.xml").strip() == own
    assert any("blog/feed.xml" in w and "already there" in w for w in site.warnings)
    assert site.exists("blog/atom.xml")


def test_feed_formats_option(build_site: BuildSite) -> None:
    site = build_site(BLOG, {"plugins": [{"blogpost": {"feed_formats": ["atom"]}}]})
    assert site.exists("blog/atom.xml")
    assert not site.exists("blog/feed.xml") and not site.exists("blog/feed.json")
    links = site.soup("blog/2024/06/30/shipping/index.html").select("head link[rel~=alternate]")
    assert [link["type"] for link in links] == ["application/atom+xml"]


MOVED = {"rss": "feed_rss_created.xml", "atom": "syndication/news.atom", "json": "news.json"}


def _feed_hrefs(site: Site, rel: str) -> list[str]:
    return [str(link["href"]) for link in site.soup(rel).select("head link[rel~=alternate]")]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_feeds_are_written_where_feed_paths_says(
    build_site: BuildSite, directory_urls: bool
) -> None:
    site = build_site(
        BLOG,
        {
            "use_directory_urls": directory_urls,
            "plugins": [{"blogpost": {"feed_paths": MOVED, "feed_tags": True}}],
        },
    )
    for name in ("feed.xml", "atom.xml", "feed.json"):
        assert not site.exists(f"blog/{name}"), name
    rss = feedparser.parse(site.path("feed_rss_created.xml").read_bytes())
    atom = feedparser.parse(site.path("syndication/news.atom").read_bytes())
    data = json.loads(site.read("news.json"))
    assert not rss.bozo and not atom.bozo
    assert [e.title for e in rss.entries] == [e.title for e in atom.entries] == EXPECTED_ORDER
    assert [i["title"] for i in data["items"]] == EXPECTED_ORDER
    # Each feed names its own new address, and still points readers at the blog.
    channel = ET.fromstring(site.path("feed_rss_created.xml").read_bytes()).find("channel")
    assert channel is not None
    assert channel.find(f"{ATOM}link").get("href") == SITE + "feed_rss_created.xml"
    index = SITE + ("blog/" if directory_urls else "blog/index.html")
    assert channel.findtext("link") == index
    document = ET.fromstring(site.path("syndication/news.atom").read_bytes())
    assert document.findtext(f"{ATOM}id") == SITE + "syndication/news.atom"
    assert [
        link.get("href") for link in document.findall(f"{ATOM}link") if link.get("rel") == "self"
    ] == [SITE + "syndication/news.atom"]
    assert data["feed_url"] == SITE + "news.json"
    # Every blog page announces the feeds at their new addresses.
    moved = [SITE + MOVED[fmt] for fmt in ("rss", "atom", "json")]
    post = (
        "blog/2024/06/30/shipping/index.html" if directory_urls else "blog/2024/06/30/shipping.html"
    )
    assert _feed_hrefs(site, post) == moved
    assert _feed_hrefs(site, "blog/index.html") == moved
    # Tag feeds keep their folder and file names.
    tag_page = "blog/tags/docs/index.html"
    assert _feed_hrefs(site, tag_page) == moved + [
        SITE + f"blog/tags/docs/{name}" for name in ("feed.xml", "atom.xml", "feed.json")
    ]
    assert site.exists("blog/tags/docs/feed.xml")


def test_a_format_without_a_path_stays_in_blog_dir(build_site: BuildSite) -> None:
    site = build_site(
        BLOG,
        {
            "plugins": [
                {
                    "blogpost": {
                        "blog_dir": "news",
                        "post_url_format": "news/{slug}/",
                        "posts_dir": "blog/posts",
                        "feed_paths": {"rss": "feed_rss_created.xml"},
                    }
                }
            ]
        },
    )
    assert site.exists("feed_rss_created.xml") and not site.exists("news/feed.xml")
    assert site.exists("news/atom.xml") and site.exists("news/feed.json")
    assert _feed_hrefs(site, "news/shipping/index.html") == [
        SITE + "feed_rss_created.xml",
        SITE + "news/atom.xml",
        SITE + "news/feed.json",
    ]


def test_feed_paths_that_name_the_defaults_change_nothing(build_site: BuildSite) -> None:
    plain = build_site(BLOG, {"plugins": ["blogpost"]})
    spelled = build_site(
        BLOG,
        {
            "plugins": [
                {
                    "blogpost": {
                        "feed_paths": {
                            "rss": "blog/feed.xml",
                            "atom": "blog/atom.xml",
                            "json": "blog/feed.json",
                        }
                    }
                }
            ]
        },
    )
    for rel in ("blog/feed.xml", "blog/atom.xml", "blog/feed.json", "blog/index.html"):
        assert spelled.read(rel) == plain.read(rel), rel


def test_a_moved_feed_never_overwrites_a_file_of_the_site(build_site: BuildSite) -> None:
    own = '<?xml version="1.0"?><rss version="2.0"><channel><title>Mine</title></channel></rss>'
    site = build_site(
        {**BLOG, "feed_rss_created.xml": own},
        {"plugins": [{"blogpost": {"feed_paths": {"rss": "feed_rss_created.xml"}}}]},
        strict=False,
    )
    assert site.read("feed_rss_created.xml").strip() == own
    assert any(
        "feed_rss_created.xml" in w and "already there" in w and "feed_paths" in w
        for w in site.warnings
    ), site.warnings
    assert SITE + "feed_rss_created.xml" not in _feed_hrefs(site, "blog/index.html")


def test_hostile_text_stays_well_formed(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/2024-02-02-odd.md": (
                "---\ntitle: 'A ]]> <b>bold</b> & \"q\"'\nauthor: 'Ann <ann@x>'\n"
                "tags: ['a&b', '<t>']\n---\nControl \x0b char and ]]> and &amp; entity.\n"
            )
        }
    )
    ET.fromstring(site.path("blog/feed.xml").read_bytes())
    ET.fromstring(site.path("blog/atom.xml").read_bytes())
    rss, atom, data = parse_all(site)
    for title in (rss.entries[0].title, atom.entries[0].title, data["items"][0]["title"]):
        assert title == 'A ]]> <b>bold</b> & "q"'
    assert {t.term for t in atom.entries[0].tags} == {"a&b", "<t>"}
    assert atom.entries[0].authors[0]["name"] == "Ann <ann@x>"


# -- unit tests of the pure builders ----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "rss", "iso"),
    [
        (
            dt.datetime(2024, 6, 30, 9, 0, 5, 123456, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            "Sun, 30 Jun 2024 09:00:05 +0200",
            "2024-06-30T09:00:05+02:00",
        ),
        (
            dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc),
            "Mon, 01 Jan 2024 00:00:00 +0000",
            "2024-01-01T00:00:00+00:00",
        ),
        (
            dt.datetime(
                2023, 12, 31, 23, 59, tzinfo=dt.timezone(-dt.timedelta(hours=5, minutes=30))
            ),
            "Sun, 31 Dec 2023 23:59:00 -0530",
            "2023-12-31T23:59:00-05:30",
        ),
    ],
)
def test_date_formats(value: dt.datetime, rss: str, iso: str) -> None:
    assert rfc822(value) == rss
    assert rfc3339(value) == iso


def test_feed_dates_with_local_mean_time_offsets() -> None:
    old = parse_date("1890-05-01 12:00:00", get_timezone("Europe/Berlin"))
    assert old.utcoffset() == dt.timedelta(minutes=53, seconds=28)
    iso = rfc3339(old)
    assert iso == "1890-05-01T11:59:32+00:53"  # the same instant, 28 s of offset moved
    assert dt.datetime.fromisoformat(iso) == old
    rss = rfc822(old)
    assert rss.endswith("+0053")
    assert email.utils.parsedate_to_datetime(rss) == old
    # Ordinary offsets are untouched.
    assert (
        rfc3339(parse_date("2024-06-30 09:00 +0200", dt.timezone.utc))
        == "2024-06-30T09:00:00+02:00"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("blog/x/", "https://example.org/docs/blog/x/"),
        ("blog/über/", "https://example.org/docs/blog/%C3%BCber/"),
        ("blog/a%20b/", "https://example.org/docs/blog/a%20b/"),
        ("", "https://example.org/docs/"),
    ],
)
def test_absolute_url(url: str, expected: str) -> None:
    assert absolute_url(SITE, url) == expected
    assert absolute_url(SITE.rstrip("/"), url) == expected


def test_plain_summary_cuts_at_a_word() -> None:
    assert plain_summary("<p>One &amp; <b>two</b>\n three</p>") == "One & two three"
    cut = plain_summary("<p>" + "word " * 100 + "</p>", limit=22)
    assert cut == "word word word word…"


def test_empty_feeds_are_valid() -> None:
    info = FeedInfo(title="T", home_url=SITE, feed_url=SITE + "blog/atom.xml")
    rss = feedparser.parse(build_rss(info, []).encode())
    atom = feedparser.parse(build_atom(info, []).encode())
    assert not rss.bozo and not atom.bozo and rss.entries == [] and atom.entries == []
    assert json.loads(build_json_feed(info, []))["items"] == []


def test_builders_do_not_depend_on_the_clock() -> None:
    entry = FeedEntry(
        id=SITE + "p/",
        url=SITE + "p/",
        title="P",
        published=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc),
    )
    info = FeedInfo(title="T", home_url=SITE, feed_url=SITE + "f")
    assert build_rss(info, [entry]) == build_rss(info, [entry])
    assert "<lastBuildDate>Mon, 01 Jan 2024 00:00:00 +0000</lastBuildDate>" in build_rss(
        info, [entry]
    )
    assert "<updated>2024-01-01T00:00:00+00:00</updated>" in build_atom(info, [entry])


def test_slug_collision_reported_once_with_tag_feeds(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/2024-01-01-a.md": "---\ntitle: A\ntags: [Docs!]\n---\nA\n",
            "blog/posts/2024-01-02-b.md": '---\ntitle: B\ntags: ["docs?"]\n---\nB\n',
        },
        {"plugins": [{"blogpost": {"feed_tags": True}}]},
        strict=False,
    )
    collisions = [w for w in site.warnings if "both make the URL" in w]
    assert len(collisions) == 1, site.warnings
    assert site.exists("blog/tags/docs/feed.xml") and site.exists("blog/tags/docs-2/feed.xml")
