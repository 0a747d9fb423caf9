"""Count one build's warnings about one blog, for the summary line at the end."""

from __future__ import annotations

import logging
import re

from mkdocs.plugins import BasePlugin

from .problems import attached_problem

__all__ = ["WarningCounter"]

#: `mkdocs`, or `properdocs` under ProperDocs, which answers `mkdocs` imports with its
#: own modules and logs under its own name.
_ROOT = BasePlugin.__module__.split(".")[0]

#: The plugin's messages about a file start `mkdocs_blogpost: path[:line]: `.
_NAMED_FILE_RE = re.compile(r"^mkdocs_blogpost: (?P<path>[^\s:]+\.[A-Za-z0-9]+)(?::\d+)?: ")


class WarningCounter(logging.Handler):
    """Counts one build's warnings about one blog (ours and MkDocs' own), and its errors.

    A warning counts when it names a file of this blog (under its posts or blog folder),
    or when the plugin gives it without naming a file (a site-wide problem). With several
    blogs in a site, each counts its own. The handler is on the `mkdocs` (or
    `properdocs`) logger only between `start` and `stop`.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        #: Problems whose severity is `error` (`schema`), which stop the build at its end.
        self.errors = 0
        self.folders: tuple[str, ...] = ("",)
        self.logger = logging.getLogger(_ROOT)
        self._ours = f"{_ROOT}.plugins.mkdocs_blogpost"

    def emit(self, record: logging.LogRecord) -> None:
        """Count the record if it is about this blog."""
        message = record.getMessage()
        if record.name.startswith(self._ours):
            named = _NAMED_FILE_RE.match(message)
            if named is None or named.group("path").startswith(self.folders):
                self.count += 1
                problem = attached_problem(record)
                if problem is not None and problem.severity == "error":
                    self.errors += 1
        elif any(f"'{folder}" in message for folder in self.folders):
            self.count += 1

    def start(self, *folders: str) -> None:
        """Count from now on, warnings about files under `folders` (docs paths)."""
        self.count = self.errors = 0
        self.folders = tuple(f.strip("/") + "/" for f in folders if f.strip("/")) or ("",)
        if self not in self.logger.handlers:
            self.logger.addHandler(self)

    def stop(self) -> int:
        """Stop counting; return the count."""
        self.logger.removeHandler(self)
        return self.count
