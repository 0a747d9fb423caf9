"""Measure what a whole build hides: start-up, and the small steps done once per post.

`run.py` times whole builds, where a few milliseconds more at start-up or a cache that
stopped working disappear in the noise of a shared machine. This script measures those
costs one at a time, with the plugin in this checkout, and prints one line each:

- ``import``: the time to import the plugin in a fresh interpreter that has MkDocs
  loaded, and which of the plugin's modules that import, a build of a site without
  posts and a build of a site with one post load. A site without posts must not load
  the post machinery (nh3, quotes and captions, Liquid migration, front matter...):
  the line names each of those it loaded.
- ``front matter``: microseconds per post to read the corpus posts' front matter with
  the plugin, and to load the same YAML with PyYAML's libyaml and pure-Python loaders.
- ``dates``: microseconds per call to show a post's date, each date asked for as many
  times as listings ask for it, against one call of Babel.
- ``markdown``: Markdown conversions in a build of the corpus, against the pages built.
  Listings and feeds reuse each post's rendered HTML, so there is one per page.

``--check`` makes the exit status 1 when a figure that does not depend on the machine
(the modules loaded, the conversions) breaks its contract.

Usage::

    python benchmarks/micro.py --posts 100
    python benchmarks/micro.py --posts 100 --check

Results are also written to ``benchmarks/out/micro-<time>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from run import DEFAULT_SEED, OUT, build_env, compile_checkout, prepare  # noqa: E402

#: Modules only sites with posts (or `<tweet>` quotes) need.
POST_MACHINERY = (
    "nh3",
    "mkdocs_blogpost.transforms",
    "mkdocs_blogpost.migrate",
    "mkdocs_blogpost.jekyll_links",
    "mkdocs_blogpost.share",
    "mkdocs_blogpost.switches",
    "mkdocs_blogpost.text",
    "mkdocs_blogpost.frontmatter",
    "mkdocs_blogpost.models",
)
#: Modules that wait for `on_config`/`on_files`: importing the plugin loads none of them.
BUILD_MACHINERY = (
    "mkdocs_blogpost.syndication",
    "mkdocs_blogpost.views",
    "mkdocs_blogpost.pages",
    "mkdocs_blogpost.posts",
    "mkdocs_blogpost.feeds",
    "mkdocs_blogpost.seo",
)

IMPORT_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    # What MkDocs has loaded by the time it loads a plugin.
    import mkdocs.commands.build, mkdocs.config.defaults, mkdocs.plugins, mkdocs.structure.toc
    start = time.perf_counter()
    import mkdocs_blogpost.plugin
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "modules": sorted(sys.modules)}))
    """
)

BUILD_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(config_file=sys.argv[1], strict=True)
    cfg.plugins.on_startup(command="build", dirty=False)
    build(cfg)
    print(json.dumps({"modules": sorted(sys.modules)}))
    """
)

ONE_POST = "---\ntitle: First light\n---\nHello. <tweet>Docs are a product too.</tweet>\n"


def _fresh(args: list[str]) -> dict[str, Any]:
    """Run Python with `args` in a fresh interpreter; return the JSON it printed last."""
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=build_env(), check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{args[:2]} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _site(root: Path, posts: dict[str, str]) -> Path:
    docs = root / "docs"
    (docs / "blog" / "posts").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    for name, text in posts.items():
        (docs / "blog" / "posts" / name).write_text(text, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        f"site_name: Micro\nsite_url: https://example.org/\ndocs_dir: {docs}\n"
        f"site_dir: {root / 'site'}\ntheme:\n  name: material\n"
        "plugins:\n  - search\n  - blogpost\n",
        encoding="utf-8",
    )
    return config


def _ours(modules: list[str]) -> list[str]:
    return [m for m in modules if m == "mkdocs_blogpost" or m.startswith("mkdocs_blogpost.")]


def measure_start_up(imports: int) -> dict[str, Any]:
    """Import time, and the plugin's modules each kind of site loads."""
    runs = [_fresh(["-c", IMPORT_SCRIPT]) for _ in range(imports)]
    imported = set(runs[-1]["modules"])
    with tempfile.TemporaryDirectory() as tmp:
        empty = set(_fresh(["-c", BUILD_SCRIPT, str(_site(Path(tmp) / "empty", {}))])["modules"])
        posts = {"2024-05-01-first-light.md": ONE_POST}
        used = set(_fresh(["-c", BUILD_SCRIPT, str(_site(Path(tmp) / "one", posts))])["modules"])
    return {
        "import_ms": 1000 * statistics.median(r["seconds"] for r in runs),
        "import_modules": len(_ours(sorted(imported))),
        "import_loads": [m for m in (*POST_MACHINERY, *BUILD_MACHINERY) if m in imported],
        "empty_site_modules": len(_ours(sorted(empty))),
        "empty_site_loads": [m for m in POST_MACHINERY if m in empty],
        "one_post_modules": len(_ours(sorted(used))),
        "one_post_lacks": [m for m in POST_MACHINERY if m not in used],
    }


def _best_us(fn: Callable[[], object], calls: int, repeat: int) -> float:
    """Microseconds per call: the best of `repeat` timings of `fn`, which makes `calls`."""
    best = min(_timed(fn) for _ in range(repeat))
    return 1e6 * best / max(calls, 1)


def _timed(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def measure_front_matter(folder: Path, repeat: int) -> dict[str, Any]:
    """Reading the corpus posts' front matter, against PyYAML's loaders on the same YAML."""
    import yaml

    from mkdocs_blogpost.frontmatter import parse_front_matter

    sources = [
        p.read_text(encoding="utf-8")
        for p in sorted((folder / "blogpost" / "docs" / "blog" / "posts").rglob("*.md"))
    ]
    blocks = [s.split("---\n", 2)[1] for s in sources]
    figures: dict[str, Any] = {
        "posts": len(sources),
        "plugin_us": _best_us(
            lambda: [parse_front_matter(s) for s in sources], len(sources), repeat
        ),
        "pure_python_us": _best_us(
            lambda: [yaml.load(b, Loader=yaml.SafeLoader) for b in blocks], len(blocks), repeat
        ),
        "libyaml_us": None,
    }
    if getattr(yaml, "CSafeLoader", None) is not None:
        figures["libyaml_us"] = _best_us(
            lambda: [yaml.load(b, Loader=yaml.CSafeLoader) for b in blocks], len(blocks), repeat
        )
    return figures


def measure_dates(posts: int, seed: int, asks: int, repeat: int) -> dict[str, Any]:
    """Showing each post's date `asks` times (as listings do), against one Babel call."""
    from babel.dates import format_date as babel_format_date
    from generate import make_corpus

    from mkdocs_blogpost.dates import format_date

    dates = [post.date for post in make_corpus(posts, seed=seed).posts]
    if not dates:
        return {"dates": 0, "asks": asks, "plugin_us": None, "babel_us": None}
    calls = len(dates) * asks

    def plugin() -> None:
        for _ in range(asks):
            for when in dates:
                format_date(when, "en")

    return {
        "dates": len(dates),
        "asks": asks,
        "plugin_us": _best_us(plugin, calls, repeat),
        "babel_us": _best_us(
            lambda: [babel_format_date(d, format="long", locale="en") for d in dates],
            len(dates),
            repeat,
        ),
    }


def measure_markdown(folder: Path) -> dict[str, Any]:
    """Markdown conversions in one build of the corpus, against the pages it wrote."""
    import markdown
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    calls = 0
    original = markdown.Markdown.convert

    def counting(self: markdown.Markdown, source: str) -> str:
        nonlocal calls
        calls += 1
        return original(self, source)

    with tempfile.TemporaryDirectory() as tmp:
        cfg = load_config(config_file=str(folder / "blogpost" / "mkdocs.yml"), site_dir=tmp)
        cfg.plugins.on_startup(command="build", dirty=False)
        markdown.Markdown.convert = counting  # type: ignore[method-assign]
        try:
            build(cfg)
        finally:
            markdown.Markdown.convert = original  # type: ignore[method-assign]
            cfg.plugins.on_shutdown()
        # 404.html and the redirect pages at posts' old URLs are not Markdown pages.
        pages = sum(
            1
            for p in Path(tmp).rglob("*.html")
            if p != Path(tmp) / "404.html" and "Redirecting…" not in p.read_text("utf-8")
        )
    return {"conversions": calls, "pages": pages}


def broken_contracts(result: dict[str, Any]) -> list[str]:
    """The contracts that do not depend on the machine, and how each figure broke them."""
    broken = []
    start = result["start_up"]
    if start["import_loads"]:
        broken.append(f"importing the plugin loads {', '.join(start['import_loads'])}")
    if start["empty_site_loads"]:
        broken.append(f"a site without posts loads {', '.join(start['empty_site_loads'])}")
    md = result["markdown"]
    if md["conversions"] != md["pages"]:
        broken.append(f"{md['conversions']} Markdown conversions for {md['pages']} pages")
    return broken


def report(result: dict[str, Any]) -> str:
    """One line per figure."""
    start, fm, dates, md = (result[k] for k in ("start_up", "front_matter", "dates", "markdown"))

    def us(value: float | None) -> str:
        return "–" if value is None else f"{value:.1f} µs"

    lines = [
        f"import: {start['import_ms']:.1f} ms, {start['import_modules']} plugin modules; "
        f"post or build machinery loaded: {', '.join(start['import_loads']) or 'none'}",
        f"site without posts: {start['empty_site_modules']} plugin modules; "
        f"post machinery loaded: {', '.join(start['empty_site_loads']) or 'none'}",
        f"site with one post: {start['one_post_modules']} plugin modules; "
        f"post machinery not loaded: {', '.join(start['one_post_lacks']) or 'none'}",
        f"front matter: {us(fm['plugin_us'])} a post ({fm['posts']} posts); PyYAML on the "
        f"same YAML: libyaml {us(fm['libyaml_us'])}, pure Python {us(fm['pure_python_us'])}",
        f"dates: {us(dates['plugin_us'])} a call ({dates['dates']} dates, each asked "
        f"{dates['asks']} times); Babel {us(dates['babel_us'])} a call",
        f"markdown: {md['conversions']} conversions for {md['pages']} pages",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100, help="posts in the corpus")
    parser.add_argument("--imports", type=int, default=5, help="fresh interpreters to time")
    parser.add_argument("--repeat", type=int, default=5, help="timings of each loop (best)")
    parser.add_argument("--asks", type=int, default=20, help="times each date is shown")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--check", action="store_true", help="exit 1 when a contract breaks")
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    compile_checkout()
    folder = prepare(args.posts, ("blogpost",), args.seed, "jekyll")
    result = {
        "posts": args.posts,
        "start_up": measure_start_up(args.imports),
        "front_matter": measure_front_matter(folder, args.repeat),
        "dates": measure_dates(args.posts, args.seed, args.asks, args.repeat),
        "markdown": measure_markdown(folder),
    }
    broken = broken_contracts(result)
    result["broken"] = broken
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    (OUT / f"micro-{stamp}.json").write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    print(report(result), end="")
    for problem in broken:
        print(f"contract broken: {problem}")
    return 1 if broken and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
