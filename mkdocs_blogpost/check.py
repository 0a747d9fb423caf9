"""`mkdocs-blogpost check`: the problems a build finds in posts, without building the site.

The check runs the build's own steps as far as posts need them, and no further: MkDocs
loads `mkdocs.yml`, every plugin's `on_config` and `on_files` run (so the blog reads its
posts and checks their front matter, dates and the schema as in a build), the nav is
made, and then only the posts being checked are rendered, with blogpost's own page
events (Liquid, links, quotes and captions, the schema's rules on HTML). No theme
template is rendered, no other page is converted and nothing is written.

The problems are the records the build logs (`problems.Problem`), collected from the
log while the check runs: the same words as the build's warnings. Other plugins' page
events are not run (they may render images or ask git about every page); what they
would say about a post is for the build.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mkdocs.plugins import BasePlugin

from .problems import Problem, attached_problem

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from .plugin import BlogpostPlugin
    from .problems import Severity

__all__ = ["CheckError", "CheckResult", "Finding", "check_site"]

#: `mkdocs`, or `properdocs` under ProperDocs, which logs under its own name.
_ROOT = BasePlugin.__module__.split(".")[0]
_OURS = re.compile(r"^mkdocs_blogpost: ")
#: How the plugin's messages about a file start: `path[:line]: `.
_NAMED_FILE_RE = re.compile(
    r"^(?P<path>[^\s:]+\.[A-Za-z0-9]+)(?::(?P<line>\d+))?: (?P<text>.+)$", re.DOTALL
)
_DOC_FILE_RE = re.compile(r"\bDoc file '(?P<path>[^']+)'")


class CheckError(Exception):
    """The check could not run: no config, a wrong option, no blog, a build step failed.

    Attributes:
        details: What MkDocs logged as errors before it gave up.
    """

    def __init__(self, message: str, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.details = list(details)


@dataclass(frozen=True)
class Finding:
    """A problem and the path the author opens to fix it.

    Attributes:
        problem: The problem, as the build reports it.
        path: The file from the current folder (`docs/blog/posts/x.md`); `mkdocs.yml`'s
            path for problems of the site as a whole.
    """

    problem: Problem
    path: str


@dataclass
class CheckResult:
    """What one check found.

    Attributes:
        config_file: The `mkdocs.yml` read, from the current folder.
        findings: The problems, grouped by file and in line order.
        posts: Posts checked.
        not_posts: Paths given that are not posts of the site (skipped).
    """

    config_file: str
    findings: list[Finding] = field(default_factory=list)
    posts: int = 0
    not_posts: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Whether a problem at `warn` or `error` was found."""
        return any(f.problem.severity in ("warn", "error") for f in self.findings)


class _Collector(logging.Handler):
    """Keeps the problems logged while the check runs, and MkDocs' own warnings."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.problems: list[Problem] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        problem = attached_problem(record) or _read_record(record)
        if problem is not None:
            self.problems.append(problem)
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())


def _read_record(record: logging.LogRecord) -> Problem | None:
    """Turn a warning logged without a record (MkDocs', or a site-wide one) into one."""
    if record.levelno < logging.WARNING:
        return None
    severity: Severity = "error" if record.levelno >= logging.ERROR else "warn"
    message = record.getMessage()
    ours = _OURS.match(message)
    if ours is not None:
        message = message[ours.end() :]
        named = _NAMED_FILE_RE.match(message)
        if named is not None:
            line = int(named.group("line")) if named.group("line") else None
            return Problem(named.group("path"), line, named.group("text"), severity=severity)
        return Problem("", None, message, severity=severity)
    doc = _DOC_FILE_RE.search(message)
    return Problem(doc.group("path") if doc else "", None, message, severity=severity)


def check_site(
    config_file: str | None = None, paths: Sequence[str] = (), *, drafts: bool = False
) -> CheckResult:
    """Check the posts of the site `config_file` (or only those `paths` name).

    Args:
        config_file: The site's `mkdocs.yml`; `None` looks for it in the current folder.
        paths: Files to check, from the current folder; empty checks every post.
        drafts: Also check drafts and posts held back, as `mkdocs serve` shows them.

    Raises:
        CheckError: The check could not run.
    """
    collector = _Collector()
    logger = logging.getLogger(_ROOT)
    level = logger.level
    logger.addHandler(collector)
    logger.setLevel(logging.INFO)
    try:
        config = _load(config_file, collector)
        result = CheckResult(config_file=_shown(config.config_file_path or "mkdocs.yml"))
        problems = _run(config, paths, result, drafts=drafts)
    finally:
        logger.removeHandler(collector)
        logger.setLevel(level)
    problems = list(dict.fromkeys([*collector.problems, *problems]))
    result.findings = _findings(problems, config, selected=_selected(config, paths))
    return result


#: The files a site's configuration is looked for in, as MkDocs and then ProperDocs name it.
CONFIG_FILES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")


def _load(config_file: str | None, collector: _Collector) -> MkDocsConfig:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if config_file is None:
        # A site that moved to ProperDocs may have renamed its file; the check reads it
        # with MkDocs 1.6, which ProperDocs keeps compatible with.
        config_file = next((name for name in CONFIG_FILES if os.path.isfile(name)), None)
    try:
        return load_config(config_file)
    except (Abort, ConfigurationError) as exc:
        raise CheckError(f"cannot load the site's configuration: {exc}", collector.errors) from None


def _run(
    config: MkDocsConfig, paths: Sequence[str], result: CheckResult, *, drafts: bool
) -> list[Problem]:
    """Read the posts as the build does, then render those being checked."""
    from mkdocs.exceptions import BuildError

    from .plugin import BlogpostPlugin

    blogs = [p for p in config.plugins.values() if isinstance(p, BlogpostPlugin)]
    if not any(p.config.enabled for p in blogs):
        raise CheckError(f"{result.config_file} does not use the blogpost plugin")
    config.plugins.on_startup(command="serve" if drafts else "build", dirty=False)
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files, candidates = _read_files(config, blogs)
        selected = _selected(config, paths)
        if selected is not None:
            result.not_posts = [p for p in paths if _docs_path(config, p) not in candidates]
        checked = [src for src in candidates if selected is None or src in selected]
        result.posts = len(checked)
        return _render_posts(config, files, blogs, checked, drafts=drafts)
    except BuildError as exc:
        raise CheckError(str(exc)) from None
    finally:
        config.plugins.on_shutdown()


def _read_files(config: MkDocsConfig, blogs: list[BlogpostPlugin]) -> tuple[Files, list[str]]:
    """Run the build's steps up to the nav; return the files and the posts found."""
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation

    from .posts import is_post_path

    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    folders = [b.config.posts_dir for b in blogs if b.config.enabled]
    candidates = sorted(
        f.src_uri
        for f in files
        if f.is_documentation_page() and any(is_post_path(f.src_uri, d) for d in folders)
    )
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    config.plugins.on_nav(nav, config=config, files=files)
    return files, candidates


def _render_posts(
    config: MkDocsConfig,
    files: Files,
    blogs: list[BlogpostPlugin],
    checked: Iterable[str],
    *,
    drafts: bool,
) -> list[Problem]:
    """Render each post being checked that the build would render, with our page events."""
    from mkdocs.structure.pages import Page

    published = {src for b in blogs for src in b.posts}
    problems = []
    for src in checked:
        file = files.get_file_from_path(src)
        if src not in published or file is None:
            continue
        if file.inclusion.is_excluded() and not drafts:
            continue
        page = file.page or Page(None, file, config)
        try:
            _render(page, config, files, blogs)
        except Exception as exc:  # the build would stop here; the check names the post
            problems.append(Problem(src, None, f"cannot be rendered: {exc}", severity="error"))
    return problems


def _render(page: Page, config: MkDocsConfig, files: Files, blogs: list[BlogpostPlugin]) -> None:
    """Read and render one post as `mkdocs build` does, with only blogpost's page events."""
    page.read_source(config)
    markdown = page.markdown or ""
    for blog in blogs:
        changed = blog.on_page_markdown(markdown, page=page, config=config, files=files)
        markdown = markdown if changed is None else changed
    page.markdown = markdown
    page.render(config, files)
    content = page.content or ""
    for blog in blogs:
        changed = blog.on_page_content(content, page=page, config=config, files=files)
        content = content if changed is None else changed
    page.content = content


def _docs_path(config: MkDocsConfig, path: str) -> str | None:
    """Return the docs path of a file given on the command line, `None` outside `docs_dir`."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(config.docs_dir))
    if relative == os.curdir or relative.startswith(os.pardir + os.sep) or relative == os.pardir:
        return None
    return relative.replace(os.sep, "/")


def _selected(config: MkDocsConfig, paths: Sequence[str]) -> set[str] | None:
    if not paths:
        return None
    return {d for d in (_docs_path(config, p) for p in paths) if d is not None}


def _findings(
    problems: Iterable[Problem], config: MkDocsConfig, *, selected: set[str] | None
) -> list[Finding]:
    """Keep the problems of the files checked, by file and line; name each file's path."""
    site = _shown(config.config_file_path or "mkdocs.yml")
    kept = [p for p in problems if selected is None or p.file in selected]
    by_file: dict[str, list[Problem]] = {}
    for problem in kept:
        by_file.setdefault(problem.file, []).append(problem)
    findings = []
    for file in sorted(by_file):
        path = _shown(os.path.join(config.docs_dir, file)) if file else site
        for problem in sorted(by_file[file], key=lambda p: p.line or 0):
            findings.append(Finding(problem, path))
    return findings


def _shown(path: str) -> str:
    """Return a path as the author types it: from the current folder when under it."""
    relative = os.path.relpath(os.path.abspath(path))
    shown = path if relative.startswith(os.pardir) else relative
    return shown.replace(os.sep, "/")
