"""The authors file: ids become names, and authors get avatars, bios and pages.

Material for MkDocs' `.authors.yml` is read as it is; Docusaurus' spelling too. A name
the file does not know stays as written, and a mistake in the file is a warning naming
it, never a failed build.
"""

from __future__ import annotations

import json
import logging
import xml.etree.ElementTree as ET

import pytest
from support.build import PNG, BuildSite

from mkdocs_blogpost.authors import read_authors

SITE = "https://example.org/"

MATERIAL_FILE = """\
authors:
  ada:
    name: Ada Quill
    description: Technical writer.
    avatar: ../assets/img/ada.png
    url: https://example.org/people/ada/
  bram:
    name: Bram Okafor
    description: Release manager.
    avatar: https://avatars.example.net/bram.png
"""


def files(authors_file: str | None = MATERIAL_FILE) -> dict[str, str | bytes]:
    out: dict[str, str | bytes] = {
        "assets/img/ada.png": PNG,
        "blog/posts/2024-05-01-first.md": "---\ntitle: First\nauthor: ada\n---\nBy Ada.\n",
        "blog/posts/2024-05-02-second.md": (
            "---\ntitle: Second\nauthors: [bram, Ada Quill]\n---\nBy both.\n"
        ),
        "blog/posts/2024-05-03-third.md": "---\ntitle: Third\nauthor: Guest Writer\n---\nA guest.\n",
    }
    if authors_file is not None:
        out["blog/.authors.yml"] = authors_file
    return out


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        pytest.param({"authors": {"a": {"name": "A", "description": "d"}}}, {"a": ("A", "d")}, id="material"),
        pytest.param({"a": {"name": "A", "title": "d", "image_url": "x.png"}}, {"a": ("A", "d")}, id="docusaurus"),
        pytest.param({"a": "Ada"}, {"a": ("Ada", "")}, id="a-name-only"),
        pytest.param({"a": {"bio": "b"}}, {"a": ("a", "b")}, id="no-name-is-the-id"),
        pytest.param(None, {}, id="empty-file"),
    ],
)
def test_read_authors(data: object, ids: dict[str, tuple[str, str]]) -> None:
    found = read_authors(data, "blog/.authors.yml")
    assert {k: (a.name, a.description) for k, a in found.by_id.items()} == ids


def test_unusable_entries_are_reported_and_skipped(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        found = read_authors({"authors": {"a": {"name": "A"}, "b": ["x"]}}, "x.yml")
        assert read_authors(["a list"], "y.yml").by_id == {}
    assert list(found.by_id) == ["a"]
    messages = [r.getMessage() for r in caplog.records]
    assert any("x.yml" in m and "'b'" in m for m in messages)
    assert any("y.yml" in m and "not a list of authors" in m for m in messages)


def test_ids_become_names_everywhere(build_site: BuildSite) -> None:
    site = build_site(files(), {"site_url": SITE})
    first = site.soup("blog/2024/05/01/first/index.html")
    header = first.select_one(".blogpost-header .blogpost-meta__authors")
    assert header.select_one("a").get_text() == "Ada Quill"
    # The avatar from the authors file, found beside it in the docs tree.
    avatar = header.select_one("img.blogpost-avatar")
    assert avatar["alt"] == "" and avatar["src"].endswith("assets/img/ada.png")
    # The id and the name are one author: one page, two posts on it.
    assert site.exists("blog/author/ada-quill/index.html")
    assert not site.exists("blog/author/ada/index.html")
    ada = site.soup("blog/author/ada-quill/index.html")
    assert [a.get_text() for a in ada.select("a.blogpost-entry__link")] == ["Second", "First"]
    assert ada.select_one(".blogpost-listing__count").get_text() == "2 posts"
    assert ada.select_one(".blogpost-profile__bio").get_text() == "Technical writer."
    assert ada.select_one(".blogpost-profile__link a")["href"] == "https://example.org/people/ada/"
    # A free-text author stays as written.
    third = site.soup("blog/2024/05/03/third/index.html")
    assert third.select_one(".blogpost-meta__authors a").get_text() == "Guest Writer"
    assert third.select_one(".blogpost-meta__authors img") is None
    # Feeds and JSON-LD name the author, JSON-LD with their page and picture.
    rss = ET.fromstring(site.path("blog/feed.xml").read_bytes())
    creators = [e.text for e in rss.iter("{http://purl.org/dc/elements/1.1/}creator")]
    assert "ada" not in creators and "Ada Quill" in creators and "Bram Okafor" in creators
    second = site.soup("blog/2024/05/02/second/index.html")
    data = json.loads(second.select_one('script[type="application/ld+json"]').string)
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Bram Okafor",
            "url": SITE + "blog/author/bram-okafor/",
            "image": "https://avatars.example.net/bram.png",
        },
        {
            "@type": "Person",
            "name": "Ada Quill",
            "url": "https://example.org/people/ada/",
            "image": SITE + "assets/img/ada.png",
        },
    ]
    guest = json.loads(third.select_one('script[type="application/ld+json"]').string)
    assert guest["author"] == [
        {"@type": "Person", "name": "Guest Writer", "url": SITE + "blog/author/guest-writer/"}
    ]


def test_author_index_shows_avatars_bios_and_counts(build_site: BuildSite) -> None:
    site = build_site(files(), {"site_url": SITE})
    index = site.soup("blog/author/index.html")
    people = index.select(".blogpost-person")
    assert [p.select_one(".blogpost-person__name").get_text() for p in people] == [
        "Ada Quill",
        "Bram Okafor",
        "Guest Writer",
    ]
    assert [p.select_one(".blogpost-person__count").get_text() for p in people] == [
        "2 posts",
        "1 post",
        "1 post",
    ]
    assert people[0].select_one(".blogpost-person__bio").get_text() == "Technical writer."
    assert people[1].select_one("img")["src"] == "https://avatars.example.net/bram.png"
    assert people[2].select_one("img") is None


def test_without_an_authors_file_names_stay_as_written(build_site: BuildSite) -> None:
    site = build_site(files(None))
    first = site.soup("blog/2024/05/01/first/index.html")
    assert first.select_one(".blogpost-meta__authors a").get_text() == "ada"
    assert site.warnings == []


def test_the_file_can_live_elsewhere(build_site: BuildSite) -> None:
    docs = files(None)
    docs["people/team.yaml"] = MATERIAL_FILE  # avatars relative to it, as before
    site = build_site(
        docs, {"plugins": [{"blogpost": {"authors_file": "people/team.yaml"}}], "site_url": SITE}
    )
    first = site.soup("blog/2024/05/01/first/index.html")
    assert first.select_one(".blogpost-meta__authors a").get_text() == "Ada Quill"


@pytest.mark.parametrize(
    ("content", "option", "expected"),
    [
        pytest.param(None, "people.yml", "authors_file: 'people.yml' is not in docs_dir", id="missing"),
        pytest.param("authors:\n  ada: [\n", None, "blog/.authors.yml:3: is not valid YAML", id="bad-yaml"),
        pytest.param(
            "authors:\n  ada:\n    name: Ada\n    avatar: nowhere/ada.png\n",
            None,
            "the avatar of 'ada' ('nowhere/ada.png') was not found (looked for blog/nowhere/ada.png, nowhere/ada.png",
            id="avatar-not-found",
        ),
        pytest.param(
            "authors:\n  ada:\n    name: Ada\n    avatar: javascript:alert(1)\n",
            None,
            "is not an http(s) URL or a path; it is not shown",
            id="avatar-script",
        ),
    ],
)
def test_mistakes_in_the_file_are_warnings(
    build_site: BuildSite, content: str | None, option: str | None, expected: str
) -> None:
    config = {"plugins": [{"blogpost": {"authors_file": option}}]} if option else None
    site = build_site(files(content), config, strict=False)
    assert any(expected in w for w in site.warnings), site.warnings
    first = site.soup("blog/2024/05/01/first/index.html")
    assert first.select_one(".blogpost-meta__authors img") is None
    assert "javascript:" not in site.read("blog/2024/05/01/first/index.html")
