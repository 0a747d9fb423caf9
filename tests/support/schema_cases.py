"""Cases of the front-matter schema: one site per rule, breaking it once.

Shared by the build's tests (`test_schema.py`) and the check command's (`test_check.py`).
"""

from __future__ import annotations

from typing import Any

from .build import PNG

__all__ = ["LONG", "OTHER", "POST", "RULES", "post"]

POST = "blog/posts/2024-01-01-first.md"
OTHER = "blog/posts/2024-02-01-second.md"
LONG = " ".join(f"word{i}" for i in range(40))


def post(front: str, body: str = "Some words.\n") -> str:
    return f"---\n{front}---\n\n{body}"


#: Each rule: the schema options that switch it on, the docs files that break it once,
#: and the words (with the file and line) the one problem must contain.
RULES: dict[str, tuple[dict[str, Any], dict[str, str | bytes], str]] = {
    "missing_keys": (
        {"required": ["description"]},
        {POST: post("title: First\n")},
        f"{POST}: front matter has no 'description' — add 'description:'",
    ),
    "unknown_tags": (
        {"tags_allowed": ["docs", "ci"]},
        {POST: post("title: First\ntags: [docs, dcos]\n")},
        f"{POST}:3: front matter 'tags': 'dcos' is not one of the site's tags — did you "
        "mean 'docs'? Or add 'dcos' to schema.tags_allowed in mkdocs.yml",
    ),
    "unknown_categories": (
        {"categories_file": "docs/blog/categories.yml"},
        {
            "blog/categories.yml": "- News\n- Releases\n",
            POST: post("title: First\ncategory: Relases\n"),
        },
        f"{POST}:3: front matter 'category': 'Relases' is not one of the site's categories "
        "— did you mean 'Releases'? Or add 'Relases' to schema.categories_file",
    ),
    "unknown_authors": (
        {"authors_file": "docs/blog/.authors.yml"},
        {
            "blog/.authors.yml": "authors:\n  jdoe:\n    name: Jane Doe\n",
            POST: post("title: First\nauthor: John Roe\n"),
        },
        f"{POST}:3: front matter 'author': 'John Roe' is not one of the site's authors — "
        "use one of the site's authors, or add it to schema.authors_file in mkdocs.yml",
    ),
    "unknown_keys": (
        {},
        {POST: post("title: First\ntgas: [docs]\n")},
        f"{POST}:3: front matter 'tgas' is not a key blogpost, MkDocs or a common plugin "
        "reads — did you mean 'tags'?",
    ),
    "description_length": (
        {"description_max": 20},
        {POST: post("title: First\ndescription: A description far longer than twenty.\n")},
        f"{POST}:3: front matter 'description' is 37 characters long, over 20 — shorten it",
    ),
    "missing_cover": (
        {},
        {POST: post("title: First\nimg: posts/gone.png\n")},
        f"{POST}:3: front matter 'img': cover image 'posts/gone.png' was not found",
    ),
    "missing_alt_text": (
        {},
        {
            "assets/pic.png": PNG,
            POST: post("title: First\n", "Intro.\n\n![ok](/assets/pic.png)\n\n![](/assets/pic.png)\n"),
        },
        f"{POST}:9: the image '../../../../../assets/pic.png' has no alt text — say what it shows",
    ),
    "long_first_paragraph": (
        {"first_paragraph_words": 10},
        {POST: post("title: First\n", f"# First\n\n{LONG}\n")},
        f"{POST}:7: the first paragraph, which listings show as the post's excerpt, is 40 "
        "words long, over 10 — add '<!-- more -->'",
    ),
    "duplicate_titles": (
        {},
        {POST: post("title: Release notes\n"), OTHER: post("title: release  Notes\n")},
        f"{POST}:2: the title 'Release notes' is also the title of {OTHER} — give each post",
    ),
    "future_dates": (
        {},
        {POST: post("title: First\ndate: 2999-01-01\n")},
        f"{POST}:3: dated 2999-01-01T00:00:00+00:00, held back until then (set future: true)",
    ),
}
