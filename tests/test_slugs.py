"""Slugs: URL segments made from titles, tags and categories, in every script."""

from __future__ import annotations

import pytest

from mkdocs_blogpost.taxonomy import term_slug
from mkdocs_blogpost.text import slugify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Open Source", "open-source"),
        ("C++", "c"),
        ("Über Docs", "über-docs"),
        ("机器学习", "机器学习"),
        ("  --  ", ""),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("AI", "ai"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("R&D", "r-and-d"),
        ("++", "plus-plus"),
        ("机器学习", "机器学习"),
    ],
)
def test_term_slug_keeps_the_symbols_tech_tags_need(name: str, slug: str) -> None:
    assert term_slug(name) == slug


def test_term_slug_of_only_punctuation_is_a_stable_name() -> None:
    slug = term_slug("!?!")
    assert slug.startswith("t-") and len(slug) > 2
    assert term_slug("!?!") == slug
    assert term_slug("?!?") != slug
