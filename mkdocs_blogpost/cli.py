"""The `mkdocs-blogpost` command: `import` a Jekyll blog, `check` a site's posts.

`mkdocs-blogpost import JEKYLL_DIR [--site SITE_DIR]`. Exit codes: 0 the import is
clean; 1 it was done (or, with `--dry-run`, would be) but the report lists problems;
2 nothing was written: a usage error, a folder that is not a Jekyll site, an unreadable
file, or existing files the import would overwrite without `--force`.

`mkdocs-blogpost check [-f mkdocs.yml] [--format text|json|github] [PATHS...]`. Exit
codes: 0 no problem at `warn` or `error`; 1 some; 2 the check could not run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .import_report import BuildReport, PathMap, build_report, site_config
from .import_settings import JEKYLL_CONFIG_COPY, render_snippet
from .importer import (
    DRAFTS_DIR,
    ImportError_,
    ImportPlan,
    Kind,
    SiteLayout,
    plan_import,
    write_plan,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .check_report import Format

__all__ = ["EXIT_FATAL", "EXIT_OK", "EXIT_PROBLEMS", "main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_FATAL = 2

# Never copied into the temporary site of a dry run: history, environments, build output.
_NOT_STAGED = {
    ".git",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    "_site",
    "vendor",
    ".jekyll-cache",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-blogpost", description="Tools for blogs built with mkdocs-blogpost."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    command = commands.add_parser(
        "import",
        help="copy a Jekyll blog into an MkDocs site and report what needs attention",
        description=(
            "Copy a Jekyll site's posts, drafts, assets and pages into an MkDocs site, "
            "then build it once in a temporary folder and report what the plugin converts "
            "and what it cannot. Exit codes: 0 clean, 1 problems reported, 2 nothing written."
        ),
    )
    command.add_argument("jekyll_dir", metavar="JEKYLL_DIR", type=Path, help="the Jekyll site")
    command.add_argument(
        "--site",
        metavar="SITE_DIR",
        type=Path,
        default=Path(),
        help="the MkDocs site to import into (default: the current folder)",
    )
    command.add_argument(
        "--dry-run", action="store_true", help="report what would happen; write nothing"
    )
    command.add_argument(
        "--force", action="store_true", help="overwrite existing files with other content"
    )
    _add_check(commands)
    return parser


def _add_check(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from .check_report import FORMATS

    command = commands.add_parser(
        "check",
        help="report what is wrong with posts, without building the site",
        description=(
            "Run the checks mkdocs build runs on posts (front matter, dates, links and "
            "Liquid, quotes and captions, the blogpost schema) and print one report, "
            "grouped by file. Nothing is written. Exit codes: 0 no problem at warn or "
            "error, 1 some, 2 the check could not run."
        ),
    )
    command.add_argument(
        "paths",
        metavar="PATHS",
        nargs="*",
        help="only these files (posts among them; others are skipped); default: every post",
    )
    command.add_argument(
        "-f",
        "--config-file",
        metavar="FILE",
        help="the site's configuration (default: mkdocs.yml in the current folder)",
    )
    command.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text for people (default), json for editors and CI, github for annotations",
    )
    command.add_argument(
        "--drafts",
        action="store_true",
        help="also check the bodies of drafts and held-back posts, as mkdocs serve shows them",
    )


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit code."""
    stream = out or sys.stdout
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage error or the help
        return exc.code if isinstance(exc.code, int) else EXIT_FATAL
    if args.command == "check":
        return _check(args.config_file, args.paths, args.format, args.drafts, stream)
    try:
        return _import(args.jekyll_dir, args.site, args.dry_run, args.force, stream)
    except ImportError_ as exc:
        print(f"mkdocs-blogpost: error: {exc}", file=sys.stderr)
        return EXIT_FATAL
    except OSError as exc:  # a file vanished or became unreadable while we worked
        where = f" {exc.filename}" if exc.filename else ""
        print(f"mkdocs-blogpost: error:{where} {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FATAL
    except KeyboardInterrupt:
        print("mkdocs-blogpost: interrupted", file=sys.stderr)
        return EXIT_FATAL


def _check(
    config_file: str | None, paths: list[str], fmt: Format, drafts: bool, out: TextIO
) -> int:
    from .check import CheckError, check_site
    from .check_report import render

    try:
        result = check_site(config_file, paths, drafts=drafts)
    except CheckError as exc:
        print(f"mkdocs-blogpost: error: {exc}", file=sys.stderr)
        for detail in exc.details:
            print(f"  {detail}", file=sys.stderr)
        return EXIT_FATAL
    except KeyboardInterrupt:
        print("mkdocs-blogpost: interrupted", file=sys.stderr)
        return EXIT_FATAL
    out.write(render(result, fmt))
    return EXIT_PROBLEMS if result.failed else EXIT_OK


def _import(jekyll_dir: Path, site_dir: Path, dry_run: bool, force: bool, out: TextIO) -> int:
    if site_dir.exists() and not site_dir.is_dir():
        raise ImportError_(f"--site {site_dir} is not a folder")
    layout, raw_site = _site_layout(site_dir)
    plan = plan_import(jekyll_dir, site_dir, layout)
    _print_plan(plan, out, dry_run=dry_run)
    blocked = [f for f in plan.conflicts if f.blocked]
    if blocked:
        print(f"\n{len(blocked)} files cannot be written: a file stands where a", file=out)
        print("folder must go, or the reverse. Move it away and run again.", file=out)
        print("Nothing was written:", file=out)
        for planned in blocked:
            print(f"  {planned.target}", file=out)
        return EXIT_FATAL
    if plan.conflicts and not force:
        print(f"\n{len(plan.conflicts)} existing files have other content:", file=out)
        for planned in plan.conflicts:
            print(f"  {planned.target} (from {planned.source or 'the importer'})", file=out)
        print("Nothing was written. Run again with --force to overwrite them.", file=out)
        return EXIT_FATAL
    with tempfile.TemporaryDirectory(prefix="blogpost-import-") as work:
        work_dir = Path(work)
        if dry_run:
            built = work_dir / "site"
            _stage(site_dir, built, skip={jekyll_dir.resolve(), _site_output(site_dir, raw_site)})
            write_plan(plan, built)
        else:
            built = site_dir
            written = write_plan(plan)
            print(f"\nWrote {len(written)} files into {site_dir}.", file=out)
        _print_settings(plan, out, dry_run=dry_run)
        config_file, note = site_config(built, plan.settings, work_dir)
        report = build_report(config_file, PathMap(plan), drafts=bool(plan.of_kind("draft")))
        report.note = note
    _print_report(plan, report, out, dry_run=dry_run)
    problems = plan.problems or report.warnings or report.error
    return EXIT_PROBLEMS if problems else EXIT_OK


def _site_layout(site_dir: Path) -> tuple[SiteLayout, dict[str, Any]]:
    """Where docs and posts go: the site's own `mkdocs.yml` says, else the defaults."""
    config_file = next(
        (p for p in (site_dir / "mkdocs.yml", site_dir / "mkdocs.yaml") if p.exists()), None
    )
    if config_file is None:
        return SiteLayout(), {}
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open("rb") as fh:
            raw = yaml_load(fh) or {}
    except Exception as exc:  # any reason the site's config is unreadable stops here
        raise ImportError_(f"cannot read {config_file}: {exc}") from None
    if not isinstance(raw, dict):
        raise ImportError_(f"{config_file} is not a mapping of settings")
    posts_dir = "blog/posts"
    for entry in raw.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("blogpost"), dict):
            posts_dir = str(entry["blogpost"].get("posts_dir", posts_dir))
    docs_dir = str(raw.get("docs_dir", "docs"))
    if Path(docs_dir).is_absolute():
        raise ImportError_(f"{config_file}: docs_dir {docs_dir} is outside the site folder")
    return SiteLayout(docs_dir=docs_dir.strip("/"), posts_dir=posts_dir.strip("/")), raw


def _site_output(site_dir: Path, raw: dict[str, Any]) -> Path:
    return (site_dir / str(raw.get("site_dir", "site"))).resolve()


def _stage(site_dir: Path, target: Path, skip: set[Path]) -> None:
    """Copy the site into a temporary folder for a dry run, without its build output."""

    def ignore(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n in _NOT_STAGED or (Path(folder) / n).resolve() in skip]

    if site_dir.is_dir():
        try:
            shutil.copytree(site_dir, target, ignore=ignore, symlinks=True)
        except (OSError, shutil.Error) as exc:
            raise ImportError_(f"cannot copy {site_dir} for the dry run: {exc}") from None
    else:
        target.mkdir(parents=True)


def _print_plan(plan: ImportPlan, out: TextIO, *, dry_run: bool) -> None:
    verb = "Would import" if dry_run else "Importing"
    print(f"{verb} {plan.jekyll_dir} into {plan.site_dir}:", file=out)
    layout = plan.layout
    folders: tuple[tuple[Kind, str, str], ...] = (
        ("post", "_posts/", layout.posts() + "/"),
        ("draft", "_drafts/", layout.posts(DRAFTS_DIR) + "/"),
        ("asset", "assets/", layout.docs("assets") + "/"),
    )
    for kind, source, target in folders:
        count = len(plan.of_kind(kind))
        if count:
            print(f"  {source} -> {target} ({count} files)", file=out)
    for planned in plan.files:
        if planned.kind in ("page", "config", "generated"):
            origin = planned.source or "(written by the importer)"
            print(f"  {origin} -> {planned.target}", file=out)
    unchanged = [f for f in plan.files if f.state == "unchanged"]
    if unchanged:
        print(f"  ({len(unchanged)} files are already there with the same bytes)", file=out)


def _print_settings(plan: ImportPlan, out: TextIO, *, dry_run: bool) -> None:
    settings = plan.settings
    if plan.write_mkdocs_yml:
        verb = "Would write" if dry_run else "Wrote"
        print(f"\n{verb} mkdocs.yml (Material, search, blogpost) from _config.yml.", file=out)
        return
    _layout, existing = _site_layout(plan.site_dir)
    snippet = render_snippet(settings, existing)
    if not snippet:
        print("\nmkdocs.yml is kept as it is; it already has the Jekyll settings.", file=out)
        return
    print("\nmkdocs.yml is kept as it is. To reproduce the Jekyll settings, add:\n", file=out)
    for line in snippet.splitlines():
        print(f"    {line}", file=out)
    if "jekyll_config" in settings.plugin:
        print(f"\n(jekyll_config: {JEKYLL_CONFIG_COPY} is the copy of _config.yml.)", file=out)


def _print_report(plan: ImportPlan, report: BuildReport, out: TextIO, *, dry_run: bool) -> None:
    layout = plan.layout
    stats = report.stats
    print("\nMigration report" + (" (dry run: nothing was written)" if dry_run else ""), file=out)
    print(
        f"  posts:   {len(plan.of_kind('post'))} copied to {layout.posts()}/ "
        f"({report.posts} published by mkdocs build)",
        file=out,
    )
    drafts = plan.of_kind("draft")
    print(
        f"  drafts:  {len(drafts)} copied to {layout.posts(DRAFTS_DIR)}/ as draft: true",
        file=out,
    )
    print(f"  assets:  {len(plan.of_kind('asset'))} copied to {layout.docs('assets')}/", file=out)
    pages = plan.of_kind("page")
    print(f"  pages:   {len(pages)} copied", file=out)
    for page in pages:
        print(f"    {page.source} -> {page.target}", file=out)
    print(f"  links rewritten:        {stats.get('links', 0)}", file=out)
    print(f"  Liquid tags converted:  {stats.get('liquid', 0)}", file=out)
    print(f"  old URLs with redirects: {stats.get('redirects', 0)}", file=out)
    if drafts:
        print("  (counts and problems include the drafts, as mkdocs serve shows them)", file=out)
    if report.note:
        print(f"  ({report.note})", file=out)
    if plan.skipped:
        print(f"\nNot imported ({len(plan.skipped)}):", file=out)
        for path, reason in plan.skipped:
            print(f"  {path}: {reason}", file=out)
    problems = [str(p) for p in plan.problems] + report.warnings
    if report.error:
        problems.append(f"the build of the imported site failed: {report.error}")
    if problems:
        print(f"\nCannot convert ({len(problems)}):", file=out)
        for problem in problems:
            print(f"  {problem}", file=out)
    else:
        print("\nNothing left to convert: mkdocs build --strict passes.", file=out)
