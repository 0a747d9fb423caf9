"""Time `mkdocs build` of the generated sites, alternating variants, and print a table.

Each build is its own process (``python -m mkdocs build``), started with this checkout
first on ``PYTHONPATH`` so the plugin under test is the one in this tree. Wall time is
taken around the process; CPU time and peak resident memory come from ``os.wait4`` for
that one child. Variants run in turns, A B C then C B A and so on, so drift on a shared
machine falls on all of them alike; the table shows medians, and ratios are the medians
of the per-turn ratios (each blogpost build against the plain and Material builds of the
same turn).

Usage::

    python benchmarks/run.py --posts 100 1000 3000 --reps 5
    python benchmarks/run.py --posts 0 --variants blogpost plain   # empty-site overhead
    python benchmarks/run.py --quick       # while developing: 300 posts, blogpost vs plain
    python benchmarks/run.py --posts 1000 --rebuild --variants blogpost plain
    python benchmarks/run.py --merge benchmarks/out/results-*.json   # one table and chart

``--rebuild`` times what ``mkdocs serve`` does after one post is edited: each turn
builds once in a child process, edits one post (restored afterwards), loads the
configuration again (MkDocs keeps the same plugin instances) and times the second build.
Rows of those runs are marked ``(rebuild)``; their memory column is the whole process.

A chart of ms per post against the number of posts, one line per site, is written to
``benchmarks/out/chart-<time>.png`` when matplotlib is installed
(``pip install -r benchmarks/requirements.txt``); the plugin itself never needs it.

Sites, logs and results go under ``benchmarks/out/`` (ignored by git).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import DEFAULT_SEED, VARIANTS, write_sites  # noqa: E402

OUT = HERE / "out"


@dataclass
class Run:
    """One timed build."""

    posts: int
    variant: str
    turn: int
    wall: float
    cpu: float
    max_rss_kb: int
    warnings: int
    rebuild: bool = False
    """The second build in one process, as `mkdocs serve` rebuilds."""


def build_env() -> dict[str, str]:
    """Environment for the child builds: this checkout first on the import path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def compile_checkout() -> None:
    """Byte-compile the plugin in this checkout, as `pip install` does for an installed one.

    With `PYTHONDONTWRITEBYTECODE` set (some CI images and containers set it), the child
    builds would otherwise compile every module of the plugin from source on each build,
    a cost no installed copy has, while MkDocs and Material load their cached bytecode.
    """
    compileall.compile_dir(str(ROOT / "mkdocs_blogpost"), quiet=1)


def build_once(config: Path, site_dir: Path, log_path: Path) -> tuple[float, float, int, int]:
    """Build one site in a child process.

    Returns:
        ``(wall seconds, CPU seconds, peak RSS in KiB, warning count)``.

    Raises:
        RuntimeError: The build failed (the end of its log is in the message).
    """
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)]
    with log_path.open("w", encoding="utf-8") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=build_env())
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    text = log_path.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"build of {config} failed ({proc.returncode}):\n{text[-3000:]}")
    warnings = sum(1 for line in text.splitlines() if line.startswith("WARNING"))
    # ru_maxrss is in KiB on Linux.
    return wall, usage.ru_utime + usage.ru_stime, int(usage.ru_maxrss), warnings


REBUILD_SCRIPT = """
import json, os, resource, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config

config_file, site_dir, edited = sys.argv[1:4]
serve_url = "http://127.0.0.1:8000/"

def configured():
    cfg = load_config(config_file=config_file, site_dir=site_dir)
    cfg.site_url = serve_url
    return cfg

cfg = configured()
cfg.plugins.on_startup(command="serve", dirty=False)
build(cfg, serve_url=serve_url)
with open(edited, encoding="utf-8") as f:
    original = f.read()
try:
    with open(edited, "a", encoding="utf-8") as f:
        f.write("\\nOne more sentence, written between two builds.\\n")
    cfg = configured()
    wall, cpu = time.perf_counter(), time.process_time()
    build(cfg, serve_url=serve_url)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
finally:
    with open(edited, "w", encoding="utf-8") as f:
        f.write(original)
cfg.plugins.on_shutdown()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"wall": wall, "cpu": cpu, "rss": rss}))
"""


def rebuild_once(config: Path, site_dir: Path, log_path: Path) -> tuple[float, float, int, int]:
    """Build twice in one child process, as `serve` does; time the second build.

    Returns:
        ``(wall seconds, CPU seconds, peak RSS in KiB, 0)`` of the second build.
    """
    docs = config.parent / "docs"
    edited = min(p for p in docs.rglob("*.md") if "posts" in p.parts or p.name != "index.md")
    cmd = [sys.executable, "-c", REBUILD_SCRIPT, str(config), str(site_dir), str(edited)]
    with log_path.open("w", encoding="utf-8") as log:
        done = subprocess.run(
            cmd, stdout=subprocess.PIPE, stderr=log, text=True, env=build_env(), check=False
        )
    if done.returncode != 0:
        text = log_path.read_text(encoding="utf-8", errors="replace")
        raise RuntimeError(f"rebuild of {config} failed ({done.returncode}):\n{text[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return figures["wall"], figures["cpu"], int(figures["rss"]), 0


def prepare(posts: int, variants: tuple[str, ...], seed: int, image_paths: str) -> Path:
    """Write the corpus for `posts` posts unless the same one is already on disk."""
    folder = OUT / f"corpus-{posts}"
    stamp = folder / "corpus.json"
    if stamp.exists():
        stats = json.loads(stamp.read_text())
        same = stats.get("seed") == seed and stats.get("image_paths") == image_paths
        if same and all((folder / v / "mkdocs.yml").exists() for v in variants):
            return folder
    print(f"writing {posts} posts to {folder} ...", file=sys.stderr)
    write_sites(folder, posts, seed=seed, variants=VARIANTS, image_paths=image_paths)
    return folder


def measure(
    posts: int,
    variants: tuple[str, ...],
    reps: int,
    warmup: int,
    seed: int,
    image_paths: str,
    rebuild: bool = False,
) -> list[Run]:
    """Build each variant `warmup` times untimed, then `reps` turns in alternating order."""
    folder = prepare(posts, variants, seed, image_paths)
    logs = folder / "logs"
    logs.mkdir(exist_ok=True)
    timed = rebuild_once if rebuild else build_once
    suffix = "-rebuild" if rebuild else ""
    runs: list[Run] = []
    for variant in variants:
        for _ in range(warmup):
            build_once(folder / variant / "mkdocs.yml", folder / f"site-{variant}", logs / "warm")
    for turn in range(reps):
        order = variants if turn % 2 == 0 else tuple(reversed(variants))
        for variant in order:
            log = logs / f"{variant}{suffix}-{turn}.log"
            # A site folder of its own: a rebuild run may go on beside a build run.
            wall, cpu, rss, warns = timed(
                folder / variant / "mkdocs.yml", folder / f"site-{variant}{suffix}", log
            )
            runs.append(Run(posts, variant, turn, wall, cpu, rss, warns, rebuild))
            print(
                f"  {posts:>6} posts  {variant + suffix:<17} turn {turn}: {wall:6.2f} s wall, "
                f"{cpu:6.2f} s CPU, {rss / 1024:6.0f} MB, {warns} warnings",
                file=sys.stderr,
            )
    return runs


def _paired_ratio(runs: list[Run], a: str, b: str, key: str) -> float | None:
    by_turn: dict[int, dict[str, float]] = {}
    for r in runs:
        by_turn.setdefault(r.turn, {})[r.variant] = float(getattr(r, key))
    ratios = [t[a] / t[b] for t in by_turn.values() if a in t and b in t and t[b] > 0]
    return statistics.median(ratios) if ratios else None


def table(runs: list[Run]) -> str:
    """Render medians and ratios as a Markdown table."""
    head = (
        "| posts | variant | wall (s) | ms/post | CPU (s) | peak RSS (MB) "
        "| wall × plain | CPU × plain | RSS × plain "
        "| wall × Material | CPU × Material | RSS × Material |\n"
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    rows = []
    for posts, rebuild in sorted({(r.posts, r.rebuild) for r in runs}):
        group = [r for r in runs if r.posts == posts and r.rebuild == rebuild]
        for variant in [v for v in VARIANTS if any(r.variant == v for r in group)]:
            mine = [r for r in group if r.variant == variant]
            wall = statistics.median(r.wall for r in mine)
            cpu = statistics.median(r.cpu for r in mine)
            rss = statistics.median(r.max_rss_kb for r in mine) / 1024

            def fmt(value: float | None) -> str:
                return "–" if value is None else f"{value:.2f}"

            per_post = f"{1000 * wall / posts:.1f}" if posts else "–"
            cells = [
                f"{posts:,}",
                variant + (" (rebuild)" if rebuild else ""),
                f"{wall:.2f}",
                per_post,
                f"{cpu:.2f}",
                f"{rss:.0f}",
                *(
                    fmt(_paired_ratio(group, variant, other, key))
                    for other in ("plain", "material")
                    for key in ("wall", "cpu", "max_rss_kb")
                ),
            ]
            rows.append("| " + " | ".join(cells) + " |")
    return head + "\n".join(rows) + "\n"


def chart(runs: list[Run], path: Path) -> bool:
    """Draw CPU ms per post against posts, one line per site; `False` without matplotlib.

    CPU time, not wall time: on a machine shared with other work, wall time follows the
    load more than the build.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    full = [r for r in runs if r.posts > 0 and not r.rebuild]
    if not full:
        return False
    fig, ax = plt.subplots(figsize=(6, 3.4), dpi=100)
    for variant in [v for v in VARIANTS if any(r.variant == v for r in full)]:
        sizes = sorted({r.posts for r in full if r.variant == variant})
        ms = [
            1000
            * statistics.median(r.cpu for r in full if r.variant == variant and r.posts == n)
            / n
            for n in sizes
        ]
        ax.plot(sizes, ms, marker="o", label=variant)
    ax.set_xscale("log")
    ax.set_xlabel("posts")
    ax.set_ylabel("CPU ms per post (median)")
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.legend(frameon=False)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return True


def machine() -> str:
    """One line describing where the numbers came from."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import mkdocs

    try:
        from material import __version__ as material_version
    except ImportError:  # pragma: no cover
        material_version = "?"
    return (
        f"{os.cpu_count()} CPUs ({model}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, MkDocs {mkdocs.__version__}, "
        f"Material {material_version}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--reps", type=int, default=5, help="timed turns per variant")
    parser.add_argument("--warmup", type=int, default=1, help="untimed builds per variant")
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--image-paths", choices=("jekyll", "relative"), default="jekyll")
    parser.add_argument(
        "--rebuild", action="store_true", help="time the second build in one process, as serve"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a few minutes while developing: 300 posts, blogpost and plain, 3 turns, no warm-up",
    )
    parser.add_argument(
        "--merge",
        nargs="+",
        type=Path,
        metavar="JSON",
        help="build nothing: one table and chart from the results-*.json of earlier runs",
    )
    args = parser.parse_args(argv)
    if args.merge:
        merged = [Run(**r) for path in args.merge for r in json.loads(path.read_text("utf-8"))]
        report(merged, f"merged from {len(args.merge)} runs")
        return
    if args.quick:
        args.posts, args.reps, args.warmup = [300], 3, 0
        args.variants = ["blogpost", "plain"]
    OUT.mkdir(exist_ok=True)
    compile_checkout()
    runs: list[Run] = []
    for posts in args.posts:
        runs += measure(
            posts,
            tuple(args.variants),
            args.reps,
            args.warmup,
            args.seed,
            args.image_paths,
            rebuild=args.rebuild,
        )
    report(runs, f"medians of {args.reps} alternated turns")


def report(runs: list[Run], how: str) -> None:
    """Write the table, the runs and the chart under `OUT`, and print the table."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    result = table(runs)
    header = (
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {machine()}; "
        f"{how}.\n\n"
    )
    (OUT / f"results-{stamp}.md").write_text(header + result, "utf-8")
    (OUT / f"results-{stamp}.json").write_text(
        json.dumps([asdict(r) for r in runs], indent=1) + "\n", "utf-8"
    )
    picture = OUT / f"chart-{stamp}.png"
    if chart(runs, picture):
        print(f"chart: {picture}", file=sys.stderr)
    print(header + result)


if __name__ == "__main__":
    main()
