"""Fixtures: build real MkDocs sites in temporary folders (helpers in `support`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Test files written before the helpers moved to `support` import these from here.
from support.build import BuildSite, Site, make_config, run_build, write_tree

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# No per-example deadline and no "too slow" health check, as Hypothesis' own CI profile
# has (it loads that one by itself on CI, derandomised, and this keeps it): on a shared
# 2-core machine an example can take longer than Hypothesis allows for reasons of its
# own, and speed is measured by the benchmark, not by tests.
settings.register_profile(
    "suite", settings.default, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("suite")

__all__ = ["BuildSite", "Site", "build_site", "make_config", "run_build", "write_tree"]


@pytest.fixture
def build_site(tmp_path: Path) -> BuildSite:
    """Build a site from a dict of docs files; strict unless told otherwise."""
    counter = {"n": 0}

    def _build(
        files: dict[str, str | bytes],
        config: dict[str, Any] | None = None,
        *,
        strict: bool = True,
        expect_failure: bool = False,
        serve: bool = False,
    ) -> Site:
        counter["n"] += 1
        root = tmp_path / f"site{counter['n']}"
        write_tree(root / "docs", files)
        if not any(k == "index.md" for k in files):
            write_tree(root / "docs", {"index.md": "# Home\n\nWelcome.\n"})
        cfg = make_config(root, config, strict)
        return run_build(root, cfg, expect_failure=expect_failure, serve=serve)

    return _build
