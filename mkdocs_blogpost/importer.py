"""Plan and carry out the import of a Jekyll site into an MkDocs site.

`plan_import` only reads: it decides what goes where, what is skipped and why, and which
existing files would be overwritten. `write_plan` copies. Both are used by
`mkdocs-blogpost import` (`cli.py`); the report build is in `import_report.py`.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml

from .import_settings import (
    JEKYLL_CONFIG_COPY,
    ImportSettings,
    Problem,
    read_jekyll_config,
    render_mkdocs_yml,
    translate_settings,
)

__all__ = [
    "DRAFTS_DIR",
    "ImportError_",
    "ImportPlan",
    "Kind",
    "Planned",
    "SiteLayout",
    "mark_draft",
    "plan_import",
    "write_plan",
]

Kind = Literal["post", "draft", "asset", "page", "config", "generated"]

#: Subfolder of the posts folder that Jekyll drafts go to (each also gets `draft: true`).
DRAFTS_DIR = "drafts"

# Jekyll's own rule for post names; one-digit months and days are accepted by Jekyll too.
_POST_NAME = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-.+\.[^.]+$")
_MARKDOWN = (".md", ".markdown")
_LIQUID = re.compile(r"\{%.*?(?:%\}|$)|\{\{.*?(?:\}\}|$)")
_CODE_SPAN = re.compile(r"(`+).+?\1")

# Not content: build output, caches, dependencies, editor and OS leftovers.
_SKIP_DIRS = {
    "_site": "Jekyll's build output",
    ".jekyll-cache": "Jekyll's cache",
    ".sass-cache": "a Sass cache",
    "vendor": "installed gems",
    "node_modules": "installed packages",
    ".git": "the repository's history",
    ".ipynb_checkpoints": "notebook autosaves",
    ".bundle": "Bundler's settings",
}
_JUNK_FILES = (".DS_Store", "Thumbs.db", "desktop.ini", "untitled.*", "*~", ".*.swp")
# Top-level files that belong to the repository or the theme, not to the site's pages.
_REPO_FILES = ("index.*", "404.*", "readme*", "changelog*", "license*", "licence*")
_SETUP_FILES = ("Gemfile", "Gemfile.lock", "*.gemspec", "Rakefile", "package.json")


class ImportError_(Exception):  # Python has its own `ImportError`
    """The import cannot start: the message says why, for the user."""


@dataclass(frozen=True)
class SiteLayout:
    """Where things go in the MkDocs site, relative to its folder (POSIX paths).

    Attributes:
        docs_dir: The docs folder (`docs`).
        posts_dir: The posts folder inside it (`blog/posts`).
    """

    docs_dir: str = "docs"
    posts_dir: str = "blog/posts"

    def docs(self, *parts: str) -> str:
        """Return a path under the docs folder."""
        return posixpath.join(self.docs_dir, *parts)

    def posts(self, *parts: str) -> str:
        """Return a path under the posts folder."""
        return posixpath.join(self.docs_dir, self.posts_dir, *parts)


@dataclass
class Planned:
    """One file the import writes.

    Attributes:
        kind: What it is, for the report.
        target: Path in the MkDocs site folder (POSIX).
        source: Path in the Jekyll folder (POSIX), `None` for generated files.
        content: The bytes to write when they are not the source's own.
        added_lines: Lines the importer put into the file before `added_at` (drafts'
            `draft: true`), so warnings about the copy point at the author's line.
        added_at: First line of the copy after the added lines.
        state: `new`, `unchanged` (same bytes already there) or `conflict`.
        blocked: A file of the site stands where the target's folder must go, or a
            folder where the target goes.
    """

    kind: Kind
    target: str
    source: str | None = None
    content: bytes | None = None
    added_lines: int = 0
    added_at: int = 0
    state: Literal["new", "unchanged", "conflict"] = "new"
    blocked: bool = False


@dataclass
class ImportPlan:
    """Everything the import will do, decided before anything is written.

    Attributes:
        jekyll_dir: The Jekyll site.
        site_dir: The MkDocs site.
        layout: Where the docs and posts go.
        files: The files to write.
        skipped: Paths of the Jekyll site not imported, with the reason.
        problems: What cannot be converted, with file and line.
        settings: What `_config.yml` becomes.
        write_mkdocs_yml: Whether the site has no `mkdocs.yml` and gets one.
    """

    jekyll_dir: Path
    site_dir: Path
    layout: SiteLayout
    files: list[Planned] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    settings: ImportSettings = field(default_factory=ImportSettings)
    write_mkdocs_yml: bool = False

    def of_kind(self, kind: Kind) -> list[Planned]:
        """Return the planned files of one kind."""
        return [f for f in self.files if f.kind == kind]

    @property
    def conflicts(self) -> list[Planned]:
        """Existing files with other content that the import would replace."""
        return [f for f in self.files if f.state == "conflict"]


def plan_import(jekyll_dir: Path, site_dir: Path, layout: SiteLayout) -> ImportPlan:
    """Decide what the import writes, without writing.

    Raises:
        ImportError_: The folder is missing, is not a Jekyll site, or `_config.yml` is
            unreadable.
    """
    if not jekyll_dir.is_dir():
        raise ImportError_(f"{jekyll_dir} is not a folder")
    if not (jekyll_dir / "_posts").is_dir():
        raise ImportError_(
            f"{jekyll_dir} is not a Jekyll site: it has no _posts folder. "
            "Give the folder that holds _config.yml and _posts"
        )
    plan = ImportPlan(jekyll_dir=jekyll_dir, site_dir=site_dir, layout=layout)
    try:
        _plan_config(plan)
        _plan_posts(plan)
        _plan_drafts(plan)
        _plan_tree(plan, "assets", layout.docs("assets"), "asset")
        _plan_top_level(plan)
        _plan_site_files(plan)
        _mark_conflicts(plan)
    except PermissionError as exc:
        raise ImportError_(f"cannot read {exc.filename}: permission denied") from None
    return plan


def _plan_config(plan: ImportPlan) -> None:
    path = plan.jekyll_dir / "_config.yml"
    if not path.is_file():
        plan.skipped.append(("_config.yml", "not found: the settings below are defaults"))
        plan.settings = translate_settings({}, {}, copied=False)
        return
    from .import_settings import JekyllConfigError

    try:
        data, lines = read_jekyll_config(path)
    except JekyllConfigError as exc:
        raise ImportError_(str(exc)) from None
    plan.settings = translate_settings(data, lines)
    plan.problems.extend(plan.settings.problems)
    plan.files.append(Planned("config", JEKYLL_CONFIG_COPY, "_config.yml"))


def _plan_posts(plan: ImportPlan) -> None:
    for rel in _walk(plan, "_posts"):
        name = posixpath.basename(rel)
        inner = rel[len("_posts/") :]
        if not _POST_NAME.match(name):
            plan.skipped.append((rel, "not a post: Jekyll publishes only YYYY-MM-DD-title files"))
        elif not name.lower().endswith(_MARKDOWN):
            plan.problems.append(
                Problem(rel, None, "not Markdown: the plugin reads .md and .markdown posts only")
            )
        else:
            plan.files.append(Planned("post", plan.layout.posts(inner), rel))


def _plan_drafts(plan: ImportPlan) -> None:
    for rel in _walk(plan, "_drafts"):
        inner = rel[len("_drafts/") :]
        if not rel.lower().endswith(_MARKDOWN):
            plan.skipped.append((rel, "not a Markdown draft"))
            continue
        raw = (plan.jekyll_dir / rel).read_bytes()
        content, added_at, added = mark_draft(raw)
        if content is None:
            plan.problems.append(
                Problem(rel, None, "copied, but not marked as a draft (not UTF-8 text)")
            )
        planned = Planned("draft", plan.layout.posts(DRAFTS_DIR, inner), rel)
        if content is not None and content != raw:
            planned.content, planned.added_at, planned.added_lines = content, added_at, added
        plan.files.append(planned)


def _plan_tree(plan: ImportPlan, folder: str, target: str, kind: Kind) -> None:
    for rel in _walk(plan, folder):
        plan.files.append(Planned(kind, posixpath.join(target, rel[len(folder) + 1 :]), rel))


def _plan_top_level(plan: ImportPlan) -> None:
    """Pages of the site outside `_*` folders and `assets/`; every other file is reported."""
    root = plan.jekyll_dir
    # Importing into the Jekyll folder itself (`import .`): what we wrote is not its content.
    ours = {
        (plan.site_dir / p).resolve()
        for p in (plan.layout.docs_dir, "site", "mkdocs.yml", "mkdocs.yaml", JEKYLL_CONFIG_COPY)
    }
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        name = entry.name
        if entry.resolve() in ours:
            plan.skipped.append((name, "part of the MkDocs site"))
        elif entry.is_dir():
            if name in ("_posts", "_drafts", "assets"):
                continue
            if name in _SKIP_DIRS or name.startswith("."):
                plan.skipped.append((f"{name}/", _SKIP_DIRS.get(name, "a hidden folder")))
            elif name.startswith("_"):
                plan.skipped.append(
                    (f"{name}/", "a Jekyll folder (layouts, includes, data, a collection)")
                )
            else:
                for rel in _walk(plan, name):
                    _plan_page(plan, rel)
        elif _matches(name, _JUNK_FILES):
            plan.skipped.append((name, "an editor or system leftover"))
        elif name != "_config.yml":
            _plan_page(plan, name)


def _plan_page(plan: ImportPlan, rel: str) -> None:
    name = posixpath.basename(rel)
    top = "/" not in rel
    lowered = name.lower()
    if _matches(name, _SETUP_FILES) or name.startswith("_config"):
        plan.skipped.append((rel, "Jekyll's setup, not content"))
    elif top and _matches(lowered, _REPO_FILES):
        plan.skipped.append((rel, "a theme or repository file, not a page"))
    elif lowered.endswith(_MARKDOWN):
        plan.files.append(Planned("page", plan.layout.docs(rel), rel))
        plan.problems.extend(_liquid_in_page(plan.jekyll_dir / rel, rel))
    elif lowered.endswith((".html", ".htm", ".liquid", ".xml")):
        plan.skipped.append((rel, "a Jekyll template: the plugin builds the blog's pages itself"))
    else:
        plan.skipped.append((rel, "not a page (only Markdown pages and assets/ are copied)"))


def _liquid_in_page(path: Path, rel: str) -> list[Problem]:
    """Liquid in a page: the plugin converts it in posts only, so pages show it as written."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return [Problem(rel, None, "copied, but it is not UTF-8 text: MkDocs cannot read it")]
    found: list[Problem] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        marker = stripped[:3]
        if marker in ("```", "~~~"):
            fence = None if fence == marker else fence or marker
            continue
        if fence is not None:
            continue
        tag = _LIQUID.search(_CODE_SPAN.sub("", line))
        if tag is not None:
            found.append(
                Problem(
                    rel,
                    number,
                    f"{tag.group(0)!r}: Liquid is converted in posts only; in a page it is "
                    "shown as written. Replace it with the text or link it produced",
                )
            )
    return found


def _plan_site_files(plan: ImportPlan) -> None:
    """`mkdocs.yml` and a home page, for a site that has no `mkdocs.yml` yet."""
    if (plan.site_dir / "mkdocs.yml").exists() or (plan.site_dir / "mkdocs.yaml").exists():
        return
    plan.write_mkdocs_yml = True
    text = render_mkdocs_yml(plan.settings)
    if plan.layout.docs_dir != "docs":
        text += f"docs_dir: {plan.layout.docs_dir}\n"
    plan.files.append(Planned("generated", "mkdocs.yml", content=text.encode("utf-8")))
    index = plan.layout.docs("index.md")
    if any(f.target == index for f in plan.files) or (plan.site_dir / index).exists():
        return
    # Jekyll's home page is a theme template, not copied; MkDocs needs a page at the root.
    lines = [f"# {plan.settings.mkdocs['site_name']}", ""]
    if plan.settings.mkdocs.get("site_description"):
        lines += [str(plan.settings.mkdocs["site_description"]), ""]
    lines += ["The blog's posts are under [Blog](blog/index.md).", ""]
    plan.files.append(Planned("generated", index, content="\n".join(lines).encode("utf-8")))


def _walk(plan: ImportPlan, folder: str) -> list[str]:
    """Files under `folder` of the Jekyll site (POSIX, from its root), minus leftovers."""
    base = plan.jekyll_dir / folder
    found: list[str] = []
    if not base.is_dir():
        return found
    stack = [base]
    while stack:
        current = stack.pop()
        for entry in sorted(current.iterdir(), key=lambda p: p.name):
            rel = entry.relative_to(plan.jekyll_dir).as_posix()
            if entry.is_dir():
                if entry.name in _SKIP_DIRS:
                    plan.skipped.append((f"{rel}/", _SKIP_DIRS[entry.name]))
                else:
                    stack.append(entry)
            elif _matches(entry.name, _JUNK_FILES):
                plan.skipped.append((rel, "an editor or system leftover"))
            elif entry.is_file():
                found.append(rel)
    return sorted(found)


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def mark_draft(raw: bytes) -> tuple[bytes | None, int, int]:
    """Make a Jekyll draft a draft for the plugin, changing as few bytes as possible.

    Jekyll knew a draft by its folder; the plugin knows it by `draft: true` in the front
    matter. A file that already says `draft: true` or `published: false` is kept as it
    is; an existing `draft:` line is replaced; otherwise one line is added at the top of
    the front matter (or a front matter of that one line, if it has none).

    Returns:
        The new bytes (`None` if the file is not UTF-8 text), the first line after the
        added lines, and how many lines were added.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, 0, 0
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    newline = "\r\n" if "\r\n" in body.split("\n", 1)[0] + "\n" else "\n"
    lines = body.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        added = f"---{newline}draft: true{newline}---{newline}"
        return (bom + added + body).encode("utf-8"), 4, 3
    end = next(
        (i for i, line in enumerate(lines[1:], 1) if line.rstrip("\r\n") in ("---", "...")),
        None,
    )
    front = "".join(lines[1:end]) if end is not None else ""
    try:
        data = yaml.safe_load(front) if end is not None else None
    except yaml.YAMLError:
        data = None
    if isinstance(data, dict) and (data.get("draft") is True or data.get("published") is False):
        return raw, 0, 0
    for i in range(1, end or 1):
        if re.match(r"draft\s*:", lines[i]):
            lines[i] = f"draft: true{newline}"
            return (bom + "".join(lines)).encode("utf-8"), 0, 0
    lines.insert(1, f"draft: true{newline}")
    return (bom + "".join(lines)).encode("utf-8"), 3, 1


def _mark_conflicts(plan: ImportPlan) -> None:
    for planned in plan.files:
        target = plan.site_dir / planned.target
        if _blocked(plan.site_dir, planned.target) or target.is_dir():
            # A file where the import needs a folder, or a folder where it writes a file:
            # not even `--force` replaces those.
            planned.state = "conflict"
            planned.blocked = True
            continue
        if not target.exists():
            continue
        if target.is_file() and _read_bytes(target) == _planned_bytes(plan, planned):
            planned.state = "unchanged"
        else:
            planned.state = "conflict"


def _blocked(root: Path, target: str) -> bool:
    parent = posixpath.dirname(target)
    while parent:
        path = root / parent
        if path.exists() or path.is_symlink():
            return not path.is_dir()
        parent = posixpath.dirname(parent)
    return False


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _planned_bytes(plan: ImportPlan, planned: Planned) -> bytes:
    if planned.content is not None:
        return planned.content
    assert planned.source is not None  # only generated files have no source
    return (plan.jekyll_dir / planned.source).read_bytes()


def write_plan(plan: ImportPlan, site_dir: Path | None = None) -> list[str]:
    """Write the planned files into `site_dir` (the plan's site by default).

    Files already there with the same bytes are left alone. Conflicts are overwritten:
    the caller refuses them unless the user asked to overwrite.

    Returns:
        The paths written, relative to the site.

    Raises:
        ImportError_: A file cannot be written; the message says which, and how many
            were written before it.
    """
    root = site_dir or plan.site_dir
    written: list[str] = []
    for planned in plan.files:
        if planned.state == "unchanged":
            continue
        target = root / planned.target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if planned.content is not None:
                target.write_bytes(planned.content)
            else:
                assert planned.source is not None
                shutil.copyfile(plan.jekyll_dir / planned.source, target)
        except OSError as exc:
            raise ImportError_(
                f"cannot write {planned.target}: {exc.strerror or exc}. "
                f"{len(written)} files were written before it"
            ) from None
        written.append(planned.target)
    return written
