"""Shared pieces of the browser checks: a local HTTP server and headless Chromium.

Without `/usr/bin/chromium` (or Playwright) the checks are skipped, except under CI
(`CI` set), where they fail: CI must run them.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling out on a closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def unavailable(reason: str) -> None:
    """Skip a browser check, or fail it under CI."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser checks (install it, see .ci/run)")
    pytest.skip(reason)


@contextlib.contextmanager
def launch_chromium() -> Iterator[Any]:
    """Yield a Playwright browser driving the system's headless Chromium."""
    if not CHROMIUM.exists():
        unavailable(f"headless Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - a test dependency
        unavailable("Playwright for Python is not installed (pip install -e '.[test]')")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port; yield its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


EXAMPLE = Path(__file__).resolve().parent.parent.parent / "example-site" / "mkdocs.yml"


@contextlib.contextmanager
def serve_example_site(theme: str, root: Path) -> Iterator[str]:
    """Build the example site strict in `theme` under `root`, and serve it; yield its URL."""
    from mkdocs.config import load_config

    from .build import run_build

    overrides: dict[str, Any] = {"site_dir": str(root / "site")}
    if theme != "material":
        overrides["theme"] = {"name": theme}
    cfg = load_config(config_file=str(EXAMPLE), strict=True, **overrides)
    run_build(root, cfg)
    with serve_directory(Path(cfg.site_dir)) as base:
        yield base
