"""What is wrong with a post, as one record: the build logs it, `mkdocs-blogpost check` lists it.

Every problem the plugin finds in a post is a `Problem` (file, line, severity, message,
what to do) handed to `report`. `report` logs it with the record attached, in the words
the build has always used (`file:line: message`); the build shows it like any warning,
and the check command collects the records from the log instead of parsing text. So
there is one place that words a problem, and both see the same words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal, get_args

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

__all__ = [
    "PROBLEM_ATTRIBUTE",
    "SEVERITIES",
    "Problem",
    "Severity",
    "attached_problem",
    "build_stopped",
    "report",
]

log = get_plugin_logger(__name__)

#: How much a problem matters. `error` stops `mkdocs build` once every post is seen.
Severity = Literal["ignore", "info", "warn", "error"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)

#: The attribute of a log record that carries its `Problem`.
PROBLEM_ATTRIBUTE = "blogpost_problem"

_LEVELS: dict[Severity, int] = {
    "info": logging.INFO,
    "warn": logging.WARNING,
    "error": logging.ERROR,
}


@dataclass(frozen=True)
class Problem:
    """One thing an author should know about one file.

    Attributes:
        file: The file's docs path (`blog/posts/x.md`); `""` for the site as a whole.
        line: The file line it is on, when known.
        message: What is wrong (and, for older messages, what to do).
        hint: What to do, when said apart from the message.
        severity: How much it matters.
        rule: The schema option that sets its severity (`unknown_keys`); `""` for what
            the build always reports at `warn`.
    """

    file: str
    line: int | None
    message: str
    hint: str = ""
    severity: Severity = "warn"
    rule: str = ""

    @property
    def where(self) -> str:
        """`file:line`, `file` when the line is unknown."""
        return f"{self.file}:{self.line}" if self.line else self.file

    @property
    def text(self) -> str:
        """The message and what to do, as the build and the check command show them."""
        return f"{self.message} — {self.hint}" if self.hint else self.message


def report(problem: Problem) -> None:
    """Log `problem` at its severity (not at all when `ignore`), the record attached."""
    level = _LEVELS.get(problem.severity)
    if level is None:
        return
    text = f"{problem.where}: {problem.text}" if problem.file else problem.text
    log.log(level, text, extra={PROBLEM_ATTRIBUTE: problem})


def attached_problem(record: logging.LogRecord) -> Problem | None:
    """Return the `Problem` a log record carries, `None` for other messages."""
    problem = getattr(record, PROBLEM_ATTRIBUTE, None)
    return problem if isinstance(problem, Problem) else None


def build_stopped(errors: int) -> PluginError:
    """Return the error that stops a build in which `errors` problems have the severity `error`."""
    what = "1 problem in posts has" if errors == 1 else f"{errors} problems in posts have"
    return PluginError(
        f"blogpost: {what} the severity 'error' in the option 'schema' (listed above); "
        "fix them, or lower their severity in mkdocs.yml"
    )
