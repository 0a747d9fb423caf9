"""mkdocs-git-revision-date-localized: its dates stay on posts, in either order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.compat_sites import (
    ENGINES,
    POST_PAGES,
    POSTS,
    build_project,
    commit_all,
    in_both_orders,
    write_site,
)

#: The plugin reads the clock twice for a generated page (last change, then creation);
#: when a second ticks in between it warns that creation comes after the last change,
#: and a strict build fails now and then. Listing pages have no history, so the
#: setting the README gives leaves them out.
LISTINGS = [
    "blog/index.md",
    "blog/page/*",
    "blog/tags/*",
    "blog/category/*",
    "blog/archive/*",
    "blog/author/*",
]
DATES = {
    "git-revision-date-localized": {
        "type": "date",
        "enable_creation_date": True,
        "exclude": LISTINGS,
    }
}


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders(DATES)
def test_posts_show_the_dates_from_git_and_their_own_header(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    write_site(tmp_path, POSTS, {"plugins": plugins})
    commit_all(tmp_path, "2024-06-01T12:00:00+00:00")
    built = build_project(tmp_path, engine=engine)
    post = built.soup(POST_PAGES["first-light"])
    dates = [d.get_text(strip=True) for d in post.select(".git-revision-date-localized-plugin")]
    # Last change and creation, as Material shows them at the foot of the page.
    assert dates == ["June 1, 2024", "June 1, 2024"]
    # blogpost's own reading of the front matter is intact beside them.
    assert post.select_one(".blogpost-title").get_text(strip=True) == "First light"
    assert [t.get_text(strip=True) for t in post.select(".blogpost-tag")] == ["lamp", "season"]
