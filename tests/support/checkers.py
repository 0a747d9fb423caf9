"""The page checkers the browser tests run offline: axe-core and the Nu HTML Checker.

Both come from npm, pinned in `tests/browser-deps/package.json` and installed by
`.ci/run` (`npm ci --ignore-scripts`) into `tests/browser-deps/node_modules/`; Java comes
from the system (Debian's `default-jre-headless`). Nothing is downloaded while tests
run. When one is missing the check is skipped with the command that installs it, or
fails under CI (`CI` set), like the Chromium checks.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .browser import unavailable

DEPS = Path(__file__).resolve().parent.parent / "browser-deps"
AXE = DEPS / "node_modules" / "axe-core" / "axe.min.js"
VNU = DEPS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL = "cd tests/browser-deps && npm ci --ignore-scripts"

#: WCAG 2.1 A and AA, as the issue's audit ran them, plus unique landmark names.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_EXTRA_RULES = ["landmark-unique"]


def axe_source() -> str:
    """Return axe-core's script, to inject into a page."""
    if not AXE.is_file():
        unavailable(f"axe-core is not installed at {AXE} (run: {INSTALL})")
    return AXE.read_text("utf-8")


@dataclass(frozen=True)
class AxeViolation:
    """One node axe-core found breaking one rule."""

    rule: str
    impact: str
    target: str
    html: str
    summary: str


def run_axe(page: Any, source: str, owned: str = "") -> list[AxeViolation]:
    """Run axe-core over the whole page open in Playwright; return each violating node.

    Args:
        page: A Playwright page, loaded.
        source: axe-core's script (`axe_source`).
        owned: A CSS selector; when given, only nodes inside (or matching) it are
            returned: the markup one party wrote, on a page others wrote too.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=source)
    result = page.evaluate(
        """async ([tags, extra, owned]) => {
            const run = (only) => axe.run(document, {
                runOnly: only, resultTypes: ["violations"], elementRef: true,
            });
            const first = await run({type: "tag", values: tags});
            const more = await run({type: "rule", values: extra});
            return first.violations.concat(more.violations).map(v => ({
                rule: v.id, impact: v.impact || "",
                nodes: v.nodes
                    .filter(n => !owned || (n.element && n.element.closest(owned)))
                    .map(n => ({
                        target: n.target.join(" "), html: n.html,
                        summary: n.failureSummary || "",
                    })),
            }));
        }""",
        [AXE_TAGS, AXE_EXTRA_RULES, owned],
    )
    return [
        AxeViolation(v["rule"], v["impact"], n["target"], n["html"], n["summary"])
        for v in result
        for n in v["nodes"]
    ]


def vnu_jar() -> Path:
    """Return the Nu HTML Checker's jar, after checking that Java can run it."""
    if shutil.which("java") is None:
        unavailable("Java is not installed (Debian: apt-get install default-jre-headless)")
    if not VNU.is_file():
        unavailable(f"the Nu HTML Checker is not installed at {VNU} (run: {INSTALL})")
    return VNU


@dataclass(frozen=True)
class VnuMessage:
    """One error the Nu HTML Checker reported."""

    file: str
    message: str
    extract: str


def run_vnu(files: Iterable[Path], root: Path) -> list[VnuMessage]:
    """Check HTML files with the Nu HTML Checker; return its errors, files relative to `root`."""
    paths = [str(p) for p in files]
    if not paths:
        return []
    done = subprocess.run(
        [
            "java",
            "-jar",
            str(vnu_jar()),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            *paths,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    # The JSON report goes to stderr.
    messages = json.loads(done.stderr or '{"messages": []}')["messages"]
    out = []
    for item in messages:
        if item.get("type") != "error":
            continue
        url = item.get("url", "")
        path = Path(re.sub(r"^file:", "", url))
        try:
            name = path.relative_to(root).as_posix()
        except ValueError:
            name = url
        out.append(VnuMessage(name, item.get("message", ""), item.get("extract", "")))
    return out
