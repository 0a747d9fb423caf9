"""Slugs: URL segments made from titles, tags and categories, in every script."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.fuzz import FUZZ

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


@pytest.mark.parametrize("name", ["..", "/", "../../etc", "\\", "<script>"])
def test_term_slug_stays_one_segment(name: str) -> None:
    slug = term_slug(name)
    assert slug and "/" not in slug and "\\" not in slug and ".." not in slug


@FUZZ
@given(st.text(max_size=20))
def test_any_term_gets_one_safe_url_segment(name: str) -> None:
    slug = term_slug(name)
    assert slug and slug == slug.strip() and slug not in (".", "..")
    assert not any(c in slug for c in '/\\?#%<>"') and not any(c.isspace() for c in slug)
