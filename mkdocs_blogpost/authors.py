"""The blog's authors file: who writes, under which id, with what name, avatar and bio.

Material for MkDocs' blog reads `blog/.authors.yml`, and sites moving from it keep
theirs as it is:

```yaml
authors:
  ada:
    name: Ada Quill
    description: Technical writer
    avatar: https://github.com/ada.png
    url: https://example.org/ada/
```

Docusaurus' `authors.yml` (ids at the top, `title` and `image_url`) reads too. A post's
`author: ada` then shows "Ada Quill"; a name the file does not know stays as written.
The file is read once per build, before any post; a mistake in it is a warning naming
the file and the line, and the authors it could read are kept.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mkdocs.plugins import get_plugin_logger

from .taxonomy import term_key

__all__ = ["Author", "AuthorDirectory", "avatar_candidates", "load_authors", "read_authors"]

log = get_plugin_logger(__name__)

# Each field and the keys it is read from, in order: Material's, then Docusaurus' and others.
_FIELDS: Mapping[str, tuple[str, ...]] = {
    "name": ("name",),
    "description": ("description", "bio", "title"),
    "avatar": ("avatar", "image_url", "image"),
    "url": ("url", "link", "website"),
}


@dataclass(frozen=True)
class Author:
    """One author as the authors file describes them.

    Attributes:
        id: The key posts name them by (`ada`).
        name: The name shown.
        description: A short bio, plain text.
        avatar: The picture, as written: a URL, or a path in the docs tree.
        url: Their page elsewhere (`https://...`), or `""`.
    """

    id: str
    name: str
    description: str = ""
    avatar: str = ""
    url: str = ""


@dataclass
class AuthorDirectory:
    """The authors of one blog, by id and by name.

    Attributes:
        path: The file they were read from, `""` when there is none.
        by_id: Each author by id.
    """

    path: str = ""
    by_id: dict[str, Author] = field(default_factory=dict)

    def __post_init__(self) -> None:
        #: Each avatar found by `find_avatars`, by author id.
        self.avatars: dict[str, tuple[str, bool]] = {}
        self._folded = {key.casefold(): a for key, a in self.by_id.items()}
        self._by_name = {term_key(a.name): a for a in self.by_id.values()}

    def name_of(self, written: str) -> str:
        """Return the name to show for an author as a post wrote them (an id or a name)."""
        author = self.by_id.get(written) or self._folded.get(written.strip().casefold())
        return author.name if author is not None else written

    def profile(self, name: str) -> Author | None:
        """Return the author shown under `name`, when the file describes them."""
        return self._by_name.get(term_key(name))

    @property
    def names(self) -> dict[str, str]:
        """Each id with the name shown for it."""
        return {key: a.name for key, a in self.by_id.items()}

    def find_avatars(self, exists: Callable[[str], bool]) -> None:
        """Find each avatar written as a path among the site's files; warn about the rest.

        Args:
            exists: Whether a docs path is a file of the site.
        """
        from .posts import safe_url

        self.avatars = {}
        for author in self.by_id.values():
            value = author.avatar
            if not value:
                continue
            if not safe_url(value):
                log.warning(
                    f"{self.path}: the avatar of '{author.id}' ({value!r}) is not an http(s) "
                    "URL or a path; it is not shown"
                )
            elif "://" in value or value.startswith("//"):
                self.avatars[author.id] = (value, True)
            else:
                found = next((p for p in avatar_candidates(value, self.path) if exists(p)), None)
                if found is None:
                    looked = ", ".join(avatar_candidates(value, self.path))
                    log.warning(
                        f"{self.path}: the avatar of '{author.id}' ({value!r}) was not found "
                        f"(looked for {looked} in docs_dir); it is not shown"
                    )
                else:
                    self.avatars[author.id] = (found, False)

    def avatar_of(self, author: Author) -> tuple[str, bool] | None:
        """Return the author's avatar as `(URL, True)` or `(docs path, False)`, if found."""
        return self.avatars.get(author.id)


def _text(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, str | int | float) else ""


def read_authors(data: object, where: str) -> AuthorDirectory:
    """Make the directory of the parsed authors file `data`; warn about what is unusable.

    Args:
        data: The file's YAML, parsed.
        where: The file's name, for messages.
    """
    if data is None:
        return AuthorDirectory(where)
    if isinstance(data, Mapping) and isinstance(data.get("authors"), Mapping):
        data = data["authors"]
    if not isinstance(data, Mapping):
        log.warning(
            f"{where}: is not a list of authors; write 'authors:' and under it one entry per "
            "id with 'name', 'description', 'avatar' and 'url'. The file is ignored"
        )
        return AuthorDirectory(where)
    found: dict[str, Author] = {}
    for key, entry in data.items():
        ident = _text(key)
        if isinstance(entry, str):
            entry = {"name": entry}
        if not ident or not isinstance(entry, Mapping):
            log.warning(
                f"{where}: the author {key!r} is not a mapping of 'name', 'description', "
                "'avatar' and 'url'; it is ignored"
            )
            continue
        values = {
            name: next((_text(entry[k]) for k in keys if _text(entry.get(k))), "")
            for name, keys in _FIELDS.items()
        }
        found[ident] = Author(id=ident, **{**values, "name": values["name"] or ident})
    return AuthorDirectory(where, found)


def load_authors(docs_dir: str, relative: str, *, explicit: bool) -> AuthorDirectory:
    """Read the authors file at `relative` (from `docs_dir`); an empty directory if absent.

    Args:
        docs_dir: The site's docs folder.
        relative: The file's path from `docs_dir` (`blog/.authors.yml`).
        explicit: The author set the path: a missing file is then a warning.
    """
    import yaml

    path = os.path.join(docs_dir, *relative.split("/"))
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except FileNotFoundError:
        if explicit:
            log.warning(
                f"authors_file: '{relative}' is not in docs_dir; authors are shown as posts "
                "write them"
            )
        return AuthorDirectory(relative)
    except (OSError, UnicodeDecodeError) as exc:
        log.warning(f"{relative}: cannot be read ({exc}); authors are shown as posts write them")
        return AuthorDirectory(relative)
    try:
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        log.warning(
            f"{relative}{line}: is not valid YAML ({problem}); authors are shown as posts "
            "write them"
        )
        return AuthorDirectory(relative)
    return read_authors(data, relative)


def avatar_candidates(avatar: str, authors_file: str) -> list[str]:
    """Return the docs paths an avatar written as a path may be, nearest first.

    Relative to the authors file's folder, then to `docs_dir` (a leading `/` means
    `docs_dir`).
    """
    path = avatar.split("#")[0].split("?")[0]
    if path.startswith("/"):
        return [posixpath.normpath(path.lstrip("/"))]
    folder = posixpath.dirname(authors_file)
    out = [posixpath.normpath(posixpath.join(folder, path)), posixpath.normpath(path)]
    return [p for p in dict.fromkeys(out) if not p.startswith("..")]
