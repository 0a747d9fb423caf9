"""Tags, categories and authors: one term per spelling family, one URL each."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.fuzz import FUZZ

from mkdocs_blogpost.models import Post
from mkdocs_blogpost.taxonomy import group_terms


def test_group_terms_merges_case_and_splits_collisions(caplog: pytest.LogCaptureFixture) -> None:
    def post(name: str, tags: list[str]) -> Post:
        return Post(src_uri=name, slug=name, title=name, date=None, body="", tags=tags)

    posts = [
        post("a", ["AI", "C++", "Docs!"]),
        post("b", ["ai", "C"]),
        post("c", ["AI", "docs?", "机器学习"]),
    ]
    with caplog.at_level("WARNING"):
        terms = group_terms(posts, lambda p: p.tags)
    by_name = {t.name: t for t in terms}
    assert by_name["AI"].count == 3 and by_name["AI"].slug == "ai"
    assert by_name["C++"].slug == "c-plus-plus" and by_name["C"].slug == "c"
    assert by_name["机器学习"].slug == "机器学习"
    slugs = sorted([by_name["Docs!"].slug, by_name["docs?"].slug])
    assert slugs == ["docs", "docs-2"]
    assert any("both make the URL 'docs'" in r.getMessage() for r in caplog.records)


@FUZZ
@given(names=st.lists(st.lists(st.text(max_size=12), max_size=4), max_size=6))
def test_spellings_make_one_term_each_with_a_url_of_its_own(names: list[list[str]]) -> None:
    posts = [
        Post(src_uri=f"p{i}.md", slug=f"p{i}", title="x", date=None, body="", tags=tags)
        for i, tags in enumerate(names)
    ]
    terms = group_terms(posts, lambda p: p.tags, report=False)

    # Case and white space do not make another term; each post is listed once per term.
    def family(name: str) -> str:
        return " ".join(name.split()).casefold()

    families = {family(n) for tags in names for n in tags if n.strip()}
    assert {family(t.name) for t in terms} == families
    for term in terms:
        carrying = [p for p in posts if any(family(n) == family(term.name) for n in p.tags)]
        assert term.posts == carrying
    slugs = [t.slug for t in terms]
    assert len(slugs) == len(set(slugs))
    for slug in slugs:
        assert slug and "/" not in slug and slug not in (".", "..")
