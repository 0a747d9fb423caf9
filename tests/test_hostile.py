"""The hostile corpus built for real: precise warnings, nothing lost, nothing injected (issue 8)."""

from __future__ import annotations

import gzip
import json
import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.build import BuildSite, Site, make_config, run_build, write_tree
from support.fuzz import FUZZ
from support.hostile import build_corpus, corpus_files
from support.outputs import dead_urls
from support.safety import output_files, site_injections

from mkdocs_blogpost.posts import safe_url

CASES = build_corpus()
SECRETS = [c for c in CASES if c.secret]
PUBLISHED = [c for c in CASES if c.url]


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The corpus built once, not strict, so every warning can be read."""
    root = tmp_path_factory.mktemp("hostile")
    write_tree(root / "docs", corpus_files())
    cfg = make_config(root, None, strict=False)
    return run_build(root, cfg)


def all_text(site: Site) -> dict[str, str]:
    """Every output file as text (sitemap.xml.gz unpacked)."""
    texts: dict[str, str] = {}
    for rel, data in output_files(site.site_dir).items():
        if rel.endswith(".gz"):
            data = gzip.decompress(data)
        texts[rel] = data.decode("utf-8", errors="replace")
    return texts


def test_corpus_names_are_distinct() -> None:
    assert len({c.name for c in CASES}) == len(CASES)
    assert len({c.marker for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [c for c in CASES if c.warnings], ids=lambda c: c.name)
def test_each_problem_is_a_warning_naming_file_line_and_key(corpus_site: Site, case) -> None:
    mine = [w for w in corpus_site.warnings if f"{case.src}:" in w or w.endswith(case.src)]
    unmatched = list(mine)
    for pieces in case.warnings:
        found = [w for w in unmatched if all(p in w for p in pieces)]
        assert found, f"no warning with {pieces} for {case.src}; got {mine}"
        unmatched.remove(found[0])
    assert not unmatched, f"unexpected extra warnings for {case.src}: {unmatched}"


def test_no_warning_for_posts_without_problems(corpus_site: Site) -> None:
    expected = {c.src for c in CASES if c.warnings}
    for message in corpus_site.warnings:
        named = re.findall(r"blog/posts/[^\s:]+", message)
        assert named, f"a warning that names no post: {message}"
        assert named[0] in expected, f"unexpected warning: {message}"


def test_no_traceback_in_log(corpus_site: Site) -> None:
    for record in corpus_site.records:
        assert record.exc_info is None, record.getMessage()
        assert "Traceback" not in record.getMessage()


@pytest.mark.parametrize("case", PUBLISHED, ids=lambda c: c.name)
def test_every_valid_post_still_appears(corpus_site: Site, case) -> None:
    page = case.url + "index.html"
    assert corpus_site.exists(page), f"{case.src} should be at {case.url}"
    soup = corpus_site.soup(page)
    if case.name != "redirect-location.md":  # the author chose the redirect template
        assert case.marker in soup.get_text()
        header = soup.select_one(".blogpost-header h1")
        assert header is not None
        if case.title is not None:
            assert header.get_text() == case.title


def test_secrets_reach_no_output_file(corpus_site: Site) -> None:
    texts = all_text(corpus_site)
    assert any("sitemap.xml" in rel for rel in texts)
    assert "search/search_index.json" in texts
    for case in SECRETS:
        for rel, text in texts.items():
            assert case.marker not in text, f"{case.name} leaked into {rel}"
            assert "Secret " not in text, f"a secret title leaked into {rel}"
            assert "secret-tag" not in text, f"a secret tag leaked into {rel}"


def test_undecodable_and_undated_posts_are_not_in_the_blog(corpus_site: Site) -> None:
    texts = all_text(corpus_site)
    assert not any("MARKLATIN1" in t for t in texts.values())
    # The impossible date keeps its page (links to it still work) but not as a dated post.
    assert not corpus_site.exists("blog/2024/02/30/feb30/index.html")
    assert not any(p.startswith("blog/2024/02/") for p in corpus_site.html_files())


def test_no_injected_markup_in_any_output(corpus_site: Site) -> None:
    assert site_injections(corpus_site.site_dir) == []


def test_markup_in_text_is_shown_as_text(corpus_site: Site) -> None:
    soup = corpus_site.soup("blog/2024/03/05/xss-text/index.html")
    title = soup.find("title").get_text()
    assert title.startswith("<script>pwn('title')</script> & \"quoted\"")
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description == '"><img src=x onerror=pwn(1)> & more'
    author = soup.find("meta", attrs={"name": "author"})
    # `authors:` wins over `author:`; Material prints this value unescaped, so it must be
    # handed over escaped (BeautifulSoup decodes it back).
    assert author is not None and author["content"] == "<b onmouseover=pwn(3)>Eve</b>"
    tags = [t.get_text() for t in soup.select(".blogpost-tag")]
    assert tags == ["<script>pwn(4)</script>", "a&b", '"><img src=x onerror=pwn(5)>']
    index = json.loads(corpus_site.read("search/search_index.json"))
    docs = [d for d in index["docs"] if d["location"].startswith("blog/2024/03/05/xss-text/")]
    assert docs
    # The search index holds HTML (themes show it with innerHTML): the text is escaped.
    assert docs[0]["title"].startswith("&lt;script&gt;pwn(")
    for doc in docs:
        for tag in doc.get("tags", []):
            assert "<" not in tag


def test_script_urls_never_reach_href_or_src(corpus_site: Site) -> None:
    for name in ("js-img", "data-image", "vb-image"):
        page = next(c for c in CASES if c.name == f"{name}.md").url + "index.html"
        soup = corpus_site.soup(page)
        assert soup.select(".blogpost-cover") == []
        for tag in soup.find_all(True):
            for attr in ("href", "src"):
                value = (tag.get(attr) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:text", "vbscript:")), tag
    redirect = corpus_site.read("blog/2024/03/09/redirect-location/index.html")
    assert "pwn(10)" not in redirect


def test_yaml_1_1_values_keep_their_text(corpus_site: Site) -> None:
    soup = corpus_site.soup("blog/2024/03/04/yaml11/index.html")
    assert [t.get_text() for t in soup.select(".blogpost-tag")] == ["yes", "on", "3.0"]
    assert soup.find("meta", attrs={"name": "description"})["content"] == "off"


def test_strict_build_fails_on_the_corpus(build_site: BuildSite) -> None:
    site = build_site(corpus_files(), strict=True, expect_failure=True)
    assert site.error is not None
    assert len(site.warnings) >= len([c for c in CASES if c.warnings])


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_slug_that_would_take_the_home_page_is_refused(
    build_site: BuildSite, use_directory_urls: bool
) -> None:
    site = build_site(
        {
            "index.md": "# Home\n\nHOMEPAGE\n",
            "blog/posts/home.md": "---\ntitle: Usurper\nslug: index\ndate: 2024-01-01\n---\nUSURPER\n",
            "blog/posts/other.md": "---\ntitle: Other\nslug: '../index'\ndate: 2024-01-02\n---\nOTHER\n",
        },
        {
            "plugins": [{"blogpost": {"post_url_format": "{slug}/"}}],
            "use_directory_urls": use_directory_urls,
        },
        strict=False,
    )
    assert "HOMEPAGE" in site.read("index.html")
    assert "USURPER" not in site.read("index.html")
    assert "OTHER" not in site.read("index.html")
    suffix = "/index.html" if use_directory_urls else ".html"
    titles = {p: site.soup(p).find("title").get_text() for p in site.html_files()}
    # The old Jekyll URL of `../index` is the harmless `..-index.html` redirect page.
    titles = {p: t for p, t in titles.items() if t != "Redirecting…"}
    assert sum(t.startswith("Usurper") for t in titles.values()) == 1
    assert sum(t.startswith("Other") for t in titles.values()) == 1
    assert all(p.endswith(suffix) or p in ("index.html", "404.html") for p in titles), titles
    if not use_directory_urls:
        assert any("already used" in w and "blog/posts/" in w for w in site.warnings)
    assert any("'slug'" in w and "other.md" in w for w in site.warnings)


def test_dated_post_cannot_take_an_undated_posts_url(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/plain.md": "---\ntitle: Plain\ndate: 2024-02-30\n---\nUNDATED\n",
            "blog/posts/2024-01-01-x.md": "---\ntitle: Taker\nslug: plain\n---\nTAKER\n",
        },
        {"plugins": [{"blogpost": {"post_url_format": "blog/posts/{slug}/"}}]},
        strict=False,
    )
    assert "UNDATED" in site.read("blog/posts/plain/index.html")
    assert "TAKER" in site.read("blog/posts/plain-2/index.html")
    assert any("already used" in w for w in site.warnings)


def test_malformed_link_is_a_warning_not_a_traceback(build_site: BuildSite) -> None:
    # MkDocs alone aborts the whole build with a ValueError traceback on these links.
    site = build_site(
        {
            "about.md": "# About\n\nSee [the host](http://[::1) and ![pic](https://[bad/p.png).\n",
            "blog/posts/2024-01-01-x.md": "---\ntitle: X\n---\n\nText\n\n[bad](A://[) here.\n",
        },
        strict=False,
    )
    about = site.soup("about/index.html")
    assert "See the host and pic." in about.get_text(" ", strip=True).replace(" .", ".")
    assert about.select('a[href*="["]') == [] and about.select('img[src*="["]') == []
    assert any(
        w.endswith(
            "about.md:3: the link or image URL 'http://[::1' is not a valid URL; it is shown as plain text. Fix the URL"
        )
        for w in site.warnings
    ), site.warnings
    assert any("blog/posts/2024-01-01-x.md:7:" in w and "'A://['" in w for w in site.warnings)
    assert "bad here" in site.soup("blog/2024/01/01/x/index.html").get_text(" ", strip=True)


def test_redirects_stay_inside_the_site_and_overwrite_nothing(corpus_site: Site) -> None:
    assert "MARK20240301PLAIN" in corpus_site.read("blog/2024/03/01/plain/index.html")
    assert "Welcome." in corpus_site.read("index.html")
    redirect = corpus_site.soup("old/ok.html")
    targets = [a["href"] for a in redirect.find_all("a", href=True)]
    assert targets and all(t.endswith("blog/2024/03/09/redirect-hostile/") for t in targets)
    root = corpus_site.site_dir.resolve()
    assert all(p.resolve().is_relative_to(root) for p in root.rglob("*"))
    assert not (root.parent / "etc").exists()


def test_unsafe_canonical_url_is_replaced_by_the_posts_own(corpus_site: Site) -> None:
    soup = corpus_site.soup("blog/2024/03/09/canonical-js/index.html")
    canonical = [link["href"] for link in soup.find_all("link", rel="canonical")]
    assert canonical == ["https://example.org/docs/blog/2024/03/09/canonical-js/"]


def test_quotes_and_captions_keep_text_and_lose_markup(corpus_site: Site) -> None:
    soup = corpus_site.soup("blog/2024/03/05/tweets-captions/index.html")
    text = soup.get_text(" ", strip=True)
    assert "Share" in text and "enjoy" in text and "A caption" in text
    for code in soup.find_all("code"):
        if "pwn('code')" in code.get_text() or "pwn('inline')" in code.get_text():
            break
    else:
        raise AssertionError("the syntax examples in code were lost")
    assert "<tweet><script>pwn('code')</script></tweet>" in soup.get_text()
    assert "<tweet><script>pwn('inline')</script></tweet>" in soup.get_text()


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
def test_markup_in_titles_reaches_no_theme_output(build_site: BuildSite, theme: str) -> None:
    # An explicit nav shows the post's title in the nav, breadcrumbs and prev/next links.
    xss = next(c for c in CASES if c.name == "xss-text.md")
    site = build_site(
        {"index.md": "# Home\n", xss.src: xss.content, "about.md": "# About\n"},
        {
            "theme": {"name": theme, "features": ["navigation.path"]}
            if theme == "material"
            else {"name": theme},
            "nav": ["index.md", xss.src, "about.md"],
        },
    )
    assert site_injections(site.site_dir) == []
    soup = site.soup("blog/2024/03/05/xss-text/index.html")
    assert soup.find("title").get_text().startswith("<script>pwn('title')</script>")
    # The nav entry on another page shows the title as text, not as an element.
    about = site.soup("about/index.html")
    assert any(a.get_text(strip=True) == xss.title for a in about.find_all("a")), theme


def test_slug_that_takes_a_blog_listing_url_is_reported(build_site: BuildSite) -> None:
    site = build_site(
        {
            "blog/posts/a.md": "---\ntitle: Takes tags\nslug: tags\ndate: 2024-01-01\ntags: [x]\n---\nTAKER\n",
            "blog/posts/b.md": "---\ntitle: Other\ndate: 2024-01-02\ntags: [x, y]\n---\nOTHER\n",
        },
        {"plugins": ["search", {"blogpost": {"post_url_format": "blog/{slug}/"}}]},
        strict=False,
    )
    assert any(
        w.startswith("mkdocs_blogpost: blog/posts/a.md:3:") and "generated pages" in w
        for w in site.warnings
    ), site.warnings
    # One URL, one thing: the tag index keeps its URL and the post is moved aside.
    assert "TAKER" not in site.read("blog/tags/index.html")
    assert "TAKER" in site.read("blog/tags-2/index.html")
    # The tag page under the tag index's folder is still built, listing its post.
    entries = site.soup("blog/tags/y/index.html").select(".blogpost-entries a")
    assert [a.get_text() for a in entries] == ["Other"]


def test_no_output_links_or_embeds_a_missing_file(corpus_site: Site) -> None:
    assert dead_urls(corpus_site.site_dir, corpus_site.config.site_url) == []


# -- the URL check behind covers, canonical URLs and links ---------------------------------


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a.png", True),
        ("/assets/a.png", True),
        ("a.png", True),
        ("mailto:me@example.org", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
    ],
)
def test_safe_url(url: str, ok: bool) -> None:
    assert safe_url(url) is ok


@FUZZ
@given(
    scheme=st.sampled_from(["javascript", "vbscript", "data"]),
    upper=st.lists(st.booleans(), min_size=10, max_size=10),
    noise=st.lists(st.sampled_from(["", "", " ", "\t", "\n", "\x00", "\x1f"]), min_size=11, max_size=11),
    rest=st.text(max_size=10),
)
def test_a_script_url_is_refused_however_it_is_spelled(
    scheme: str, upper: list[bool], noise: list[str], rest: str
) -> None:
    # Browsers drop white space and control characters around and inside a scheme.
    spelled = "".join(n + (c.upper() if up else c) for c, up, n in zip(scheme, upper, noise, strict=False))
    assert safe_url(spelled + noise[-1] + ":" + rest) is False


@FUZZ
@given(
    start=st.sampled_from(["https://", "http://", "mailto:", "/", "./", "../", ""]),
    rest=st.text(alphabet=string.ascii_letters + string.digits + "-._~/?#=&%", max_size=20),
)
def test_a_web_mail_or_relative_url_is_allowed(start: str, rest: str) -> None:
    assert safe_url(start + rest) is True
