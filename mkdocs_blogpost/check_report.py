"""How `mkdocs-blogpost check` prints what it found: text for people, JSON, GitHub annotations.

Each line of the text report is `file:line: severity: problem — what to do`, the file
from the current folder, so editors and terminals open it at the line; the problems of
one file stand together, in line order.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Callable

    from .check import CheckResult, Finding
    from .problems import Severity

__all__ = ["FORMATS", "Format", "render"]

Format = Literal["text", "json", "github"]
FORMATS: tuple[Format, ...] = ("text", "json", "github")

_LABELS: dict[Severity, str] = {"error": "error", "warn": "warning", "info": "info"}
_GITHUB_COMMANDS: dict[Severity, str] = {"error": "error", "warn": "warning", "info": "notice"}


def render(result: CheckResult, fmt: Format) -> str:
    """Return the report of `result` in the format `fmt`, ending with a newline."""
    renderers: dict[Format, Callable[[CheckResult], str]] = {
        "text": _text,
        "json": _json,
        "github": _github,
    }
    return renderers[fmt](result)


def _where(finding: Finding) -> str:
    line = finding.problem.line
    return f"{finding.path}:{line}" if line else finding.path


def _text(result: CheckResult) -> str:
    lines: list[str] = []
    previous: str | None = None
    for finding in result.findings:
        if previous is not None and finding.path != previous:
            lines.append("")
        previous = finding.path
        problem = finding.problem
        lines.append(f"{_where(finding)}: {_LABELS[problem.severity]}: {problem.text}")
    if lines:
        lines.append("")
    lines.append(_summary(result))
    if result.not_posts:
        count = len(result.not_posts)
        some = "1 file given is" if count == 1 else f"{count} files given are"
        lines.append(f"({some} not a post of this site, so not checked)")
    return "\n".join(lines) + "\n"


def _summary(result: CheckResult) -> str:
    checked = "1 post checked" if result.posts == 1 else f"{result.posts} posts checked"
    if not result.findings:
        return f"{checked}: no problems."
    counts = []
    severities: tuple[Severity, ...] = ("error", "warn", "info")
    for severity in severities:
        n = sum(1 for f in result.findings if f.problem.severity == severity)
        if n:
            counts.append(f"{n} {_LABELS[severity]}{'' if n == 1 else 's'}")
    files = len({f.path for f in result.findings})
    where = "1 file" if files == 1 else f"{files} files"
    return f"{checked}: {', '.join(counts)} in {where}."


def _json(result: CheckResult) -> str:
    data = {
        "config_file": result.config_file,
        "posts_checked": result.posts,
        "failed": result.failed,
        "not_posts": result.not_posts,
        "problems": [
            {
                "file": f.path,
                "docs_path": f.problem.file or None,
                "line": f.problem.line,
                "severity": f.problem.severity,
                "rule": f.problem.rule or None,
                "message": f.problem.message,
                "hint": f.problem.hint or None,
                "text": f.problem.text,
            }
            for f in result.findings
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _github(result: CheckResult) -> str:
    """GitHub Actions workflow commands: one annotation per problem, then the summary."""
    lines = []
    for finding in result.findings:
        problem = finding.problem
        properties = [f"file={_property(finding.path)}"]
        if problem.line:
            properties.append(f"line={problem.line}")
        title = f"blogpost {problem.rule}" if problem.rule else "blogpost"
        properties.append(f"title={_property(title)}")
        command = _GITHUB_COMMANDS[problem.severity]
        lines.append(f"::{command} {','.join(properties)}::{_data(problem.text)}")
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def _data(text: str) -> str:
    # The escapes GitHub's runner undoes in a command's message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
