"""Tags, categories and authors: one term per spelling family, one URL each."""

from __future__ import annotations

import pytest

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
