"""Time one `mkdocs build` by phase and by plugin event handler, without a profiler.

cProfile (`profile_build.py`) slows Python calls so much that it overstates code made
of many small calls (the plugin's templates, Jinja) against code that runs in C
(Markdown's regular expressions, libyaml). This runs the build in this process with
only a clock around each event handler and each MkDocs step, so the seconds are
close to a real build's. It prints CPU seconds for:

- each plugin's handler of each event (`page_context: mkdocs_blogpost`);
- MkDocs' steps, split between pages from files and generated pages: reading and
  converting a page (`populate`, of which `markdown` is the conversion) and drawing it
  with the theme (`build page`, which includes the `page_context` and `post_page`
  handlers);
- the garbage collector.

Usage::

    python benchmarks/events.py --posts 1000                  # the blogpost site
    python benchmarks/events.py --posts 1000 --variant plain  # the same posts without it
    python benchmarks/events.py --posts 1000 --rebuild        # the second build, as serve

With ``--rebuild`` the site is built once as `mkdocs serve` builds it, one post is
edited (and restored afterwards), the configuration is loaded again (MkDocs keeps the
plugin instances) and the second build is the one timed.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from run import DEFAULT_SEED, OUT, VARIANTS, prepare  # noqa: E402

SERVE_URL = "http://127.0.0.1:8000/"


class Clock:
    """CPU seconds by label, and the collector's share."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self.gc = 0.0
        self._gc_start = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_start = time.process_time()
        else:
            self.gc += time.process_time() - self._gc_start

    def timed(self, label: Callable[..., str], func: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap `func` so that each call adds its CPU time under `label(*args)`."""

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[label(*args, **kwargs)] += time.process_time() - start

        return wrapper

    def reset(self) -> None:
        self.seconds.clear()
        self.gc = 0.0


def _kind(page: Any) -> str:
    return "generated" if page.file.generated_by else "from files"


def instrument_mkdocs(clock: Clock) -> None:
    """Put the clock around MkDocs' steps of a page."""
    from mkdocs.commands import build as steps
    from mkdocs.structure.pages import Page

    Page.render = clock.timed(lambda page, *a, **k: f"markdown ({_kind(page)})", Page.render)
    steps._populate_page = clock.timed(  # type: ignore[attr-defined]
        lambda page, *a, **k: f"populate ({_kind(page)})",
        steps._populate_page,  # type: ignore[attr-defined]
    )
    steps._build_page = clock.timed(  # type: ignore[attr-defined]
        lambda page, *a, **k: f"build page ({_kind(page)})",
        steps._build_page,  # type: ignore[attr-defined]
    )


def instrument_plugins(config: Any, clock: Clock) -> None:
    """Put the clock around each plugin's handler of each event."""
    for event, handlers in config.plugins.events.items():
        wrapped = []
        for handler in handlers:
            owner = type(getattr(handler, "__self__", handler)).__module__.split(".")[0]
            label = f"{event}: {owner}"
            wrapped.append(clock.timed(lambda *a, _label=label, **k: _label, handler))
        config.plugins.events[event] = wrapped


def measure(config_file: Path, site_dir: Path, *, rebuild: bool) -> tuple[float, Clock]:
    """Build once (twice with `rebuild`) and return the timed build's CPU seconds."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    clock = Clock()
    instrument_mkdocs(clock)

    def configured() -> Any:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        if rebuild:
            config.site_url = SERVE_URL
        instrument_plugins(config, clock)
        return config

    config = configured()
    config.plugins.on_startup(command="serve" if rebuild else "build", dirty=False)
    serve_url = SERVE_URL if rebuild else None
    edited: Path | None = None
    original = ""
    if rebuild:
        build(config, serve_url=serve_url)
        clock.reset()
        edited = min((config_file.parent / "docs" / "blog" / "posts").glob("*.md"))
        original = edited.read_text("utf-8")
        edited.write_text(original + "\nOne more sentence, written between two builds.\n", "utf-8")
        config = configured()
    try:
        start = time.process_time()
        build(config, serve_url=serve_url)
        total = time.process_time() - start
    finally:
        if edited is not None:
            edited.write_text(original, "utf-8")
    config.plugins.on_shutdown()
    return total, clock


def report(total: float, clock: Clock, title: str, shortest: float = 0.005) -> str:
    """Describe where the build's CPU time went.

    Handlers under `shortest` seconds are counted in their owner's total but not listed
    one by one, so a real site's report is not drowned in idle handlers.
    """
    lines = [f"{title}: {total:.2f} s CPU", ""]
    steps = {k: v for k, v in clock.seconds.items() if ":" not in k}
    events = {k: v for k, v in clock.seconds.items() if ":" in k}
    lines.append("MkDocs' steps (s, share of the build):")
    for label, seconds in sorted(steps.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {seconds:7.2f}  {100 * seconds / total:5.1f}%  {label}")
    lines.append(f"  {clock.gc:7.2f}  {100 * clock.gc / total:5.1f}%  garbage collector")
    lines.append("")
    lines.append("event handlers (s, share of the build):")
    by_owner: defaultdict[str, float] = defaultdict(float)
    for label, seconds in sorted(events.items(), key=lambda kv: -kv[1]):
        by_owner[label.split(": ", 1)[1]] += seconds
        if seconds >= shortest:
            lines.append(f"  {seconds:7.2f}  {100 * seconds / total:5.1f}%  {label}")
    for owner, seconds in sorted(by_owner.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {seconds:7.2f}  {100 * seconds / total:5.1f}%  all of {owner}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--variant", choices=VARIANTS, default="blogpost")
    parser.add_argument("--rebuild", action="store_true", help="time the second build")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--image-paths", choices=("jekyll", "relative"), default="jekyll")
    args = parser.parse_args(argv)
    folder = prepare(args.posts, (args.variant,), args.seed, args.image_paths)
    suffix = "-rebuild" if args.rebuild else ""
    total, clock = measure(
        folder / args.variant / "mkdocs.yml",
        folder / f"site-{args.variant}-events{suffix}",
        rebuild=args.rebuild,
    )
    title = f"{args.variant}, {args.posts} posts{' (rebuild)' if args.rebuild else ''}"
    text = report(total, clock, title)
    (OUT / f"events-{args.variant}-{args.posts}{suffix}.txt").write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
