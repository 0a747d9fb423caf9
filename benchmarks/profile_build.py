"""Profile one `mkdocs build` of the blogpost site and show the plugin's own share.

Runs the build in this process under cProfile (which slows everything down by a
similar factor, so compare shares, not seconds, with `run.py`), then prints:

- the time inside each of the plugin's event handlers (cumulative: with everything
  they call) and their sum as a share of the build;
- the functions of `mkdocs_blogpost` with the most own time;
- the functions (anywhere) with the most time spent under the plugin's handlers.

Usage::

    python benchmarks/profile_build.py --posts 1000
    python benchmarks/profile_build.py --posts 1000 --variant plain   # the floor, for scale

The raw profile is saved as ``benchmarks/out/profile-<variant>-<posts>.prof`` (open it
with ``python -m pstats`` or snakeviz).
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from run import DEFAULT_SEED, OUT, VARIANTS, prepare  # noqa: E402

PLUGIN_DIR = str(ROOT / "mkdocs_blogpost")

Key = tuple[str, int, str]


def _name(key: Key) -> str:
    filename, line, func = key
    for marker in ("site-packages/", str(ROOT) + "/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"{filename}:{line}({func})"


def build_profiled(config_file: Path, site_dir: Path) -> tuple[pstats.Stats, float]:
    """Build once under cProfile; return the stats and the profiled wall time."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    cfg = load_config(config_file=str(config_file), site_dir=str(site_dir))
    cfg.plugins.on_startup(command="build", dirty=False)
    # CPU time, not wall time: the machine is shared, and waiting is not our cost.
    profiler = cProfile.Profile(time.process_time)
    start = time.perf_counter()
    profiler.enable()
    build(cfg)
    profiler.disable()
    wall = time.perf_counter() - start
    cfg.plugins.on_shutdown()
    return pstats.Stats(profiler), wall


def report(stats: pstats.Stats, wall: float, top: int) -> str:
    """Describe the plugin's share of the profiled build."""
    raw: dict[Key, tuple[int, int, float, float, dict]] = stats.stats  # type: ignore[attr-defined]
    total = max(v[3] for k, v in raw.items() if k[2] == "build") if raw else wall
    lines = [f"profiled build: {wall:.2f} s wall, {total:.2f} s in mkdocs build()", ""]

    hooks = {k: v for k, v in raw.items() if k[0].startswith(PLUGIN_DIR) and k[2].startswith("on_")}
    hook_keys = sorted(hooks, key=lambda k: -hooks[k][3])
    hook_sum = sum(hooks[k][3] for k in hook_keys if k[0].endswith("plugin.py"))
    lines.append("plugin event handlers (cumulative time, calls):")
    for key in hook_keys:
        _cc, calls, _tt, cum, _ = hooks[key]
        lines.append(f"  {cum:7.3f} s {100 * cum / total:5.1f}%  {calls:6d}  {_name(key)}")
    lines.append(
        f"  sum of plugin.py handlers: {hook_sum:.3f} s = {100 * hook_sum / total:.1f}% of build"
    )
    lines.append("")

    own = sorted(
        ((k, v) for k, v in raw.items() if k[0].startswith(PLUGIN_DIR)), key=lambda kv: -kv[1][2]
    )
    lines.append(f"top {top} plugin functions by own time (own s, cumulative s, calls):")
    for key, (_cc, calls, tt, cum, _) in own[:top]:
        lines.append(f"  {tt:7.3f} {cum:7.3f} {calls:7d}  {_name(key)}")
    lines.append("")

    lines.append(f"top {top} calls from plugin code into other code (time of those calls, calls):")
    edges: dict[Key, list[float]] = {}
    for key, value in raw.items():
        if key[0].startswith(PLUGIN_DIR):
            continue
        for caller, edge in value[4].items():
            if caller[0].startswith(PLUGIN_DIR):
                slot = edges.setdefault(key, [0.0, 0])
                slot[0] += edge[3]
                slot[1] += edge[1]
    for key, (cum, calls) in sorted(edges.items(), key=lambda kv: -kv[1][0])[:top]:
        lines.append(f"  {cum:7.3f} s {int(calls):7d}  {_name(key)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--variant", choices=VARIANTS, default="blogpost")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--image-paths", choices=("jekyll", "relative"), default="jekyll")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    folder = prepare(args.posts, (args.variant,), args.seed, args.image_paths)
    stats, wall = build_profiled(
        folder / args.variant / "mkdocs.yml", folder / f"site-{args.variant}-profile"
    )
    prof = OUT / f"profile-{args.variant}-{args.posts}.prof"
    stats.dump_stats(str(prof))
    text = report(stats, wall, args.top)
    (OUT / f"profile-{args.variant}-{args.posts}.txt").write_text(text, "utf-8")
    print(text)
    print(f"raw profile: {prof}")


if __name__ == "__main__":
    main()
