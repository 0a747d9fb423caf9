"""Post lists and docs relations in a site mkdocs-static-i18n builds once per language."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from support.compat_sites import Built, build_site, folder_structure, orders

FILES: dict[str, str | bytes] = {
    "index.md": "# Home\n\n<!-- blogpost:posts -->\n",
    "index.fr.md": "# Accueil\n\n<!-- blogpost:posts -->\n",
    "guide/pier.md": "# Using the pier\n\n## Mooring\n\nRopes.\n",
    "guide/pier.fr.md": "# Utiliser le quai\n\n## Mooring\n\nCordes.\n",
    "blog/posts/2024-03-05-new-pier.md": (
        "---\ntitle: The new pier opens\ndocs: [guide/pier.md#mooring]\n---\nFirst ferry.\n"
    ),
    "blog/posts/2024-03-05-new-pier.fr.md": (
        "---\ntitle: Le nouveau quai ouvre\ndocs: [guide/pier.md#mooring]\n---\nPremier ferry.\n"
    ),
    "blog/posts/2024-04-12-tides.md": "---\ntitle: Tide tables\n---\nTides.\n",
}
I18N = {
    "i18n": {
        "docs_structure": "suffix",
        "languages": [
            {"locale": "en", "default": True, "name": "English"},
            {"locale": "fr", "name": "Français"},
        ],
    }
}


def _target(rel: str, href: str) -> str:
    url = href.split("#")[0]
    path = posixpath.normpath(posixpath.join(posixpath.dirname(rel), url))
    return posixpath.join(path, "index.html") if url.endswith("/") else path


@pytest.mark.parametrize("structure", ["suffix", "folder"])
@pytest.mark.parametrize("order", ["blogpost-first", "blogpost-last"])
def test_each_language_lists_and_relates_its_own_pages(
    tmp_path: Path, order: str, structure: str
) -> None:
    i18n = {"i18n": {**I18N["i18n"], "docs_structure": structure}}
    plugins = dict(orders(i18n))[order]
    files = FILES if structure == "suffix" else folder_structure(FILES)
    site: Built = build_site(tmp_path, files, {"plugins": plugins})
    assert site.warnings == []
    for prefix, home_titles, guide_title, post_title in (
        ("", ["Tide tables", "The new pier opens"], "Using the pier", "The new pier opens"),
        ("fr/", ["Tide tables", "Le nouveau quai ouvre"], "Utiliser le quai", "Le nouveau quai ouvre"),
    ):
        home = site.soup(prefix + "index.html")
        assert [a.get_text() for a in home.select(".blogpost-posts a")] == home_titles
        post = prefix + "blog/2024/03/05/new-pier/index.html"
        links = site.soup(post).select("aside.blogpost-related-docs a")
        assert [a.get_text() for a in links] == [f"{guide_title} › Mooring"]
        assert _target(post, links[0]["href"]) == prefix + "guide/pier/index.html"
        guide = site.soup(prefix + "guide/pier/index.html")
        assert [a.get_text() for a in guide.select("aside.blogpost-docs-posts a")] == [post_title]
