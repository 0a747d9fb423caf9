"""Build the same sites with this checkout and another revision, and compare the output.

A refactor that should not change what users get can be checked here: the example site
and the benchmark corpus are built once with the plugin in this working tree and once
with the plugin at ``REV`` (checked out into a temporary ``git worktree``), and the two
output trees are compared file by file.

Usage::

    python benchmarks/compare_output.py --against main
    python benchmarks/compare_output.py --against HEAD~3 --posts 100 --sites example blogpost

Both builds read the same inputs (this tree's example site and corpus). Each runs in its
own process with its checkout first on ``PYTHONPATH``, as ``run.py`` does, and with
``SOURCE_DATE_EPOCH`` fixed: MkDocs takes every page's sitemap ``<lastmod>`` and the
``sitemap.xml.gz`` header time from it, so the two builds agree on dates. ``.gz`` files
are compared after decompressing, so a header alone never counts as a difference.

The plugin itself still reads the clock for one thing: whether a post dated in the
future is published yet. Only a post dated between the two builds would differ, and
none of these inputs has one, so nothing is normalised.

Exit status: 0 when every file is identical, 1 when some differ, 2 on a usage or build
error. Output trees go to ``benchmarks/out/compare/<site>/<label>/`` (ignored by git).
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import DEFAULT_SEED, VARIANTS  # noqa: E402
from run import prepare  # noqa: E402

SITES = ("example", "blogpost", "posts-only")
# Any fixed value will do; it only has to be the same for both builds.
SOURCE_DATE_EPOCH = "1735689600"  # 2025-01-01 00:00:00 UTC
DEFAULT_OUT = HERE / "out" / "compare"
CURRENT_LABEL = "current"


class CompareError(Exception):
    """A usage or build problem: the comparison could not be made."""


# -- comparing two trees (pure, no MkDocs, no git) ----------------------------------------


@dataclass
class Difference:
    """One file present in both trees whose content differs."""

    path: str
    detail: str


@dataclass
class TreeComparison:
    """What comparing two trees found; paths are relative, with ``/`` separators."""

    identical: list[str] = field(default_factory=list)
    differ: list[Difference] = field(default_factory=list)
    only_left: list[str] = field(default_factory=list)
    only_right: list[str] = field(default_factory=list)

    @property
    def same(self) -> bool:
        """Whether the two trees hold the same files with the same content."""
        return not (self.differ or self.only_left or self.only_right)

    def add(self, other: TreeComparison) -> None:
        """Count `other`'s files in this comparison too (for a total over several sites)."""
        self.identical += other.identical
        self.differ += other.differ
        self.only_left += other.only_left
        self.only_right += other.only_right


def walk_tree(root: Path) -> dict[str, Path]:
    """Map each file under `root` to its path relative to `root`, sorted, ``/``-separated."""
    found = {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}
    return dict(sorted(found.items()))


def comparable_bytes(path: Path) -> bytes:
    """The bytes to compare for `path`: decompressed for ``.gz`` files.

    A gzip header holds a time and a file name; the content is what a reader gets, so
    two files with the same content and different headers count as identical. A ``.gz``
    that does not decompress is compared as it is.
    """
    data = path.read_bytes()
    if path.suffix == ".gz":
        try:
            return gzip.decompress(data)
        except (OSError, EOFError, zlib.error):
            return data
    return data


def _as_text(data: bytes) -> str | None:
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _clip(line: str, width: int) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def describe_difference(left: bytes, right: bytes, *, max_lines: int = 12, width: int = 160) -> str:
    """Say where two different contents part, readably and in bounded size.

    Text gets the first lines of a unified diff (each clipped to `width` characters,
    since minified CSS or a search index is one long line) and, always, the first
    differing byte with a little context on each side.
    """
    offset = next(
        (i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b),
        min(len(left), len(right)),
    )
    start = max(0, offset - 40)
    lines = [
        f"sizes {len(left)} and {len(right)} bytes; first difference at byte {offset}",
        f"  - {left[start : offset + 40]!r}",
        f"  + {right[start : offset + 40]!r}",
    ]
    left_text, right_text = _as_text(left), _as_text(right)
    if left_text is not None and right_text is not None:
        diff = difflib.unified_diff(
            left_text.splitlines(), right_text.splitlines(), lineterm="", n=1
        )
        # The first two lines are the `---`/`+++` header, with no file names to show.
        shown = [_clip(line, width) for _, line in zip(range(max_lines + 3), diff, strict=False)][
            2:
        ]
        lines += ["  " + line for line in shown[:max_lines]]
        if len(shown) > max_lines:
            lines.append("  … (diff cut)")
    return "\n".join(lines)


def compare_trees(left: Path, right: Path) -> TreeComparison:
    """Compare every file of two trees by content (``.gz`` files decompressed)."""
    left_files, right_files = walk_tree(left), walk_tree(right)
    result = TreeComparison(
        only_left=[p for p in left_files if p not in right_files],
        only_right=[p for p in right_files if p not in left_files],
    )
    for rel, left_path in left_files.items():
        if rel not in right_files:
            continue
        right_path = right_files[rel]
        if left_path.read_bytes() == right_path.read_bytes():
            result.identical.append(rel)
            continue
        a, b = comparable_bytes(left_path), comparable_bytes(right_path)
        if a == b:
            result.identical.append(rel)
        else:
            result.differ.append(Difference(rel, describe_difference(a, b)))
    return result


def summary_line(comparison: TreeComparison) -> str:
    """The one-line verdict: counts of identical, differing and one-sided files."""
    only = len(comparison.only_left) + len(comparison.only_right)
    return (
        f"{len(comparison.identical)} files identical, {len(comparison.differ)} differ, "
        f"{only} only in one side"
    )


def report(comparison: TreeComparison, left_label: str, right_label: str, limit: int) -> str:
    """A readable account of the differences, at most `limit` files of each kind."""
    out: list[str] = []
    for label, paths in ((left_label, comparison.only_left), (right_label, comparison.only_right)):
        for rel in paths[:limit]:
            out.append(f"only in {label}: {rel}")
        if len(paths) > limit:
            out.append(f"… and {len(paths) - limit} more only in {label}")
    for diff in comparison.differ[:limit]:
        out.append(f"differs: {diff.path}\n{diff.detail}")
    if len(comparison.differ) > limit:
        out.append(f"… and {len(comparison.differ) - limit} more files differ")
    return "\n".join(out)


# -- checkouts and builds -----------------------------------------------------------------


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False
        )
    except FileNotFoundError as error:
        raise CompareError("git is not installed; it is needed to check out REV") from error


@contextmanager
def checkout(rev: str, keep: bool) -> Iterator[Path]:
    """Check `rev` out into a temporary worktree; remove it afterwards unless `keep`."""
    resolved = _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if resolved.returncode != 0:
        raise CompareError(f"{rev!r} is not a revision of {ROOT}")
    folder = Path(tempfile.mkdtemp(prefix="blogpost-compare-")) / "checkout"
    added = _git("worktree", "add", "--detach", str(folder), resolved.stdout.strip())
    if added.returncode != 0:
        shutil.rmtree(folder.parent, ignore_errors=True)
        raise CompareError(f"git worktree add failed:\n{added.stderr.strip()}")
    try:
        yield folder
    finally:
        if keep:
            print(f"kept the checkout of {rev} in {folder}", file=sys.stderr)
        else:
            # Only this worktree: `git worktree prune` would touch every other one too.
            removed = _git("worktree", "remove", "--force", str(folder))
            shutil.rmtree(folder.parent, ignore_errors=True)
            if removed.returncode != 0:
                print(
                    f"could not remove the worktree {folder}: {removed.stderr.strip()}",
                    file=sys.stderr,
                )


def build_env(checkout_dir: Path) -> dict[str, str]:
    """Environment for one build: `checkout_dir` first on the path, dates fixed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(checkout_dir), env.get("PYTHONPATH")) if p)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    return env


def check_plugin_origin(checkout_dir: Path) -> None:
    """Make sure a child with this environment imports the plugin from `checkout_dir`.

    The editable install also puts a checkout on the path, and ``python -m`` puts the
    current folder before ``PYTHONPATH``; comparing one checkout with itself would prove
    nothing.
    """
    code = "import mkdocs_blogpost, sys; sys.stdout.write(mkdocs_blogpost.__file__)"
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=build_env(checkout_dir),
        cwd=checkout_dir,
        check=False,
    )
    origin = Path(proc.stdout.strip()).resolve() if proc.returncode == 0 else None
    if origin is None or not origin.is_relative_to(checkout_dir.resolve()):
        raise CompareError(
            f"the plugin did not load from {checkout_dir} (got {origin}):\n" + proc.stderr[-2000:]
        )


def build(config: Path, checkout_dir: Path, site_dir: Path) -> None:
    """Build `config` into `site_dir` with the plugin of `checkout_dir`, in a child process.

    Raises:
        CompareError: The build failed; the end of its log is in the message.
    """
    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    log_path = site_dir.parent / f"{site_dir.name}.log"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)]
    with log_path.open("w", encoding="utf-8") as log:
        # Started in the checkout: `python -m` puts the current folder first on the path.
        code = subprocess.call(
            cmd,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=build_env(checkout_dir),
            cwd=checkout_dir,
        )
    if code != 0:
        tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise CompareError(f"build of {config} with {checkout_dir} failed ({code}):\n{tail}")


def site_configs(sites: list[str], posts: int) -> dict[str, Path]:
    """The `mkdocs.yml` of each chosen site, writing the corpus first when needed."""
    configs: dict[str, Path] = {}
    corpus_sites = tuple(s for s in sites if s in VARIANTS)
    folder = prepare(posts, corpus_sites, DEFAULT_SEED, "jekyll") if corpus_sites else None
    for site in sites:
        if site == "example":
            configs[site] = ROOT / "example-site" / "mkdocs.yml"
        elif folder is not None:
            configs[site] = folder / site / "mkdocs.yml"
    return configs


def _label(rev: str) -> str:
    return "rev-" + re.sub(r"[^A-Za-z0-9._-]+", "_", rev)


def compare(args: argparse.Namespace) -> TreeComparison:
    """Build every chosen site with both checkouts, one build at a time, and compare."""
    configs = site_configs(args.sites, args.posts)
    other_label = _label(args.against)
    total = TreeComparison()
    with checkout(args.against, args.keep) as other:
        check_plugin_origin(ROOT)
        check_plugin_origin(other)
        for site, config in configs.items():
            out = args.out / site
            print(f"{site}: building with this tree and with {args.against} ...", file=sys.stderr)
            build(config, ROOT, out / CURRENT_LABEL)
            build(config, other, out / other_label)
            result = compare_trees(out / CURRENT_LABEL, out / other_label)
            details = report(result, CURRENT_LABEL, other_label, args.limit)
            if details:
                print(details)
            print(f"{site}: {summary_line(result)}", flush=True)
            total.add(result)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", default="main", metavar="REV", help="git revision")
    parser.add_argument("--posts", type=int, default=1000, help="posts in the corpus")
    parser.add_argument("--sites", nargs="+", choices=SITES, default=list(SITES))
    parser.add_argument("--keep", action="store_true", help="keep the checkout of REV")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where builds go")
    parser.add_argument("--limit", type=int, default=20, help="files shown per kind")
    args = parser.parse_args(argv)
    if args.posts < 0:
        parser.error("--posts must be 0 or more")
    args.sites = list(dict.fromkeys(args.sites))
    args.out = args.out.resolve()
    try:
        total = compare(args)
    except CompareError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(summary_line(total))
    return 0 if total.same else 1


if __name__ == "__main__":
    sys.exit(main())
