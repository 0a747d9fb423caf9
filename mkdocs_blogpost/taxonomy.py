"""Group posts by tag, category or author: one term per spelling family, one slug each."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

if TYPE_CHECKING:
    from .models import Post

__all__ = ["Term", "group_terms", "term_key", "term_slug"]

log = get_plugin_logger(__name__)

# Symbols that carry meaning in tech tags: "C++" and "C#" must not both become "c".
_REPLACEMENTS = [["+", "-plus-"], ["#", "-sharp-"], ["&", "-and-"], ["@", "-at-"]]


@dataclass(eq=False)
class Term:
    """A tag, category or author with its posts.

    Attributes:
        name: The spelling shown: the most common one among the posts.
        slug: The URL part, unique among terms of the same kind.
        posts: The posts carrying the term, in the order given.
        spellings: Every spelling seen, with its count.
    """

    name: str
    slug: str
    posts: list[Post] = field(default_factory=list)
    spellings: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        """Number of posts with this term."""
        return len(self.posts)


def term_key(name: str) -> str:
    """Key that makes spellings one term: case and surrounding space do not count."""
    return " ".join(name.split()).casefold()


def term_slug(name: str) -> str:
    """Return a readable, Unicode-aware slug for a term ("C++" -> "c-plus-plus")."""
    from slugify import slugify as _slugify  # loaded once a site has tags

    slug = _slugify(name, allow_unicode=True, replacements=_REPLACEMENTS)
    if slug:
        return slug
    # Nothing usable left (only punctuation): a short stable hash keeps it addressable.
    return "t-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def group_terms(
    posts: Iterable[Post],
    get: Callable[[Post], list[str]],
    kind: str = "tag",
    *,
    report: bool = True,
) -> list[Term]:
    """Group `posts` by the terms `get` returns, merging case variants.

    Terms come back sorted by name (case-insensitively). When two distinct terms would
    share a slug, the one with more posts keeps it and the other gets `-2`, `-3`...
    with a warning, so no page is ever merged or overwritten.

    Args:
        posts: Posts in listing order (their order is kept inside each term).
        get: Returns a post's terms (for example `lambda p: p.tags`).
        kind: Word used in messages (`tag`, `category`, `author`).
        report: Warn about colliding slugs; off for a second grouping of the same posts,
            so one collision is reported once.
    """
    by_key: dict[str, Term] = {}
    for post in posts:
        seen: set[str] = set()
        for name in get(post):
            key = term_key(name)
            if not key or key in seen:
                continue
            seen.add(key)
            term = by_key.get(key)
            if term is None:
                term = by_key[key] = Term(name=name, slug="")
            term.posts.append(post)
            term.spellings[name] += 1
    for term in by_key.values():
        # Most common spelling; ties go to the alphabetically first for stable output.
        term.name = min(term.spellings.items(), key=lambda item: (-item[1], item[0]))[0]

    taken: dict[str, Term] = {}
    for term in sorted(by_key.values(), key=lambda t: (-t.count, term_key(t.name), t.name)):
        base = term_slug(term.name)
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        if n > 1 and report:
            log.warning(
                f"{kind}s '{taken[base].name}' and '{term.name}' both make the URL '{base}'; "
                f"'{term.name}' gets '{slug}'. Rename one of them to choose the URL yourself"
            )
        term.slug = slug
        taken[slug] = term
    return sorted(by_key.values(), key=lambda t: (term_key(t.name), t.name))
