"""Build the imported site once, in a temporary folder, to report what the plugin does.

Only a real build knows which links the plugin rewrites and what it cannot convert, so
`mkdocs-blogpost import` runs one and reads its warnings and the plugin's counts.
"""

from __future__ import annotations

import logging
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .import_settings import additions, has_plugin

if TYPE_CHECKING:
    from .import_settings import ImportSettings
    from .importer import ImportPlan

__all__ = ["BuildReport", "PathMap", "build_report", "site_config"]


@dataclass
class BuildReport:
    """What one build of the imported site did.

    Attributes:
        posts: Posts the build published (drafts and future posts are held back).
        stats: The plugin's counts (`links`, `tweets`, `captions`, `liquid`, `redirects`).
        warnings: The build's warnings, with paths as in the Jekyll folder.
        error: Why the build stopped, if it did.
        note: How the build was configured, when not from the site's own `mkdocs.yml`.
    """

    posts: int = 0
    stats: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    note: str | None = None


class PathMap:
    """Turns the docs paths the build names back into the Jekyll site's paths."""

    def __init__(self, plan: ImportPlan) -> None:
        """Map every copied file of `plan` from its docs path to its Jekyll path."""
        docs = plan.layout.docs_dir.rstrip("/") + "/"
        self._files: dict[str, tuple[str, int, int]] = {
            f.target[len(docs) :]: (f.source, f.added_at, f.added_lines)
            for f in plan.files
            if f.source is not None and f.target.startswith(docs)
        }
        names = sorted(self._files, key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<![\w/.-])("
                + "|".join(re.escape(n) for n in names)
                + r")(?::(\d+))?(?![\w/.-])"
            )
            if names
            else None
        )
        self.jekyll_dir = plan.jekyll_dir

    def __call__(self, message: str) -> str:
        """`message` with each docs path (and line) replaced by the Jekyll path (and line)."""
        if self._pattern is None:
            return message
        return self._pattern.sub(self._replace, message)

    def _replace(self, match: re.Match[str]) -> str:
        source, added_at, added = self._files[match.group(1)]
        if match.group(2) is None:
            return source
        line = int(match.group(2))
        if added and line >= added_at:
            line -= added
        elif added and line >= added_at - added:
            line = 1  # one of the lines the importer added
        return f"{source}:{line}"

    def locate(self, message: str) -> str:
        """Give MkDocs' link warnings (which name no line) the line of the link."""
        found = re.match(r"Doc file '([^']+)' contains (?:an? )?(?:\w+ )?link '([^']+)'", message)
        if found is None or found.group(1) not in self._files:
            return self(message)
        source = self._files[found.group(1)][0]
        try:
            text = (self.jekyll_dir / source).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return self(message)
        index = text.find(found.group(2))
        if index < 0:
            return f"{source}: {self(message)}"
        return f"{source}:{text.count(chr(10), 0, index) + 1}: {self(message)}"


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_PREFIX = re.compile(r"^mkdocs_blogpost(?:\.\w+)*: ")


def site_config(
    site_dir: Path, settings: ImportSettings, work_dir: Path
) -> tuple[Path, str | None]:
    """Return the config file to build `site_dir` with, and a note if not the site's own.

    A site whose `mkdocs.yml` does not enable the plugin yet is built with the printed
    snippet added (through a small config in `work_dir` that inherits the site's), as
    it will be once the user adds it.
    """
    config_file = site_dir / "mkdocs.yml"
    if not config_file.exists():
        config_file = site_dir / "mkdocs.yaml"
    from mkdocs.utils.yaml import yaml_load

    with config_file.open("rb") as fh:
        raw = yaml_load(fh) or {}
    if has_plugin(raw) or not isinstance(raw.get("plugins") or [], list):
        return config_file, None
    child = {
        "INHERIT": str(config_file.resolve()),
        "docs_dir": str((site_dir / raw.get("docs_dir", "docs")).resolve()),
        **additions(settings, raw),
    }
    # Paths in plugin options are read from the folder of the config that names them:
    # this one lives in `work_dir`, the files it names in `site_dir`.
    for plugin in child.get("plugins") or []:
        options = plugin.get("blogpost") if isinstance(plugin, dict) else None
        if isinstance(options, dict) and options.get("jekyll_config"):
            options["jekyll_config"] = str((site_dir / options["jekyll_config"]).resolve())
    path = work_dir / "mkdocs-with-blogpost.yml"
    path.write_text(yaml.safe_dump(child), encoding="utf-8")
    return path, "built with the snippet above added to mkdocs.yml"


def build_report(config_file: Path, path_map: PathMap, *, drafts: bool = False) -> BuildReport:
    """Build the site of `config_file` into a temporary folder and report on it.

    With `drafts`, the build is the one `mkdocs serve` makes, which renders drafts, so
    what cannot be converted in them is reported too; the published count stays that of
    `mkdocs build`.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    report = BuildReport()
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    saved = (logger.level, logger.propagate)
    logger.addHandler(collector)
    logger.setLevel(logging.INFO)
    # The report prints the warnings itself, once, with the Jekyll paths.
    logger.propagate = False
    try:
        with tempfile.TemporaryDirectory(prefix="blogpost-import-") as out:
            config = load_config(config_file=str(config_file), site_dir=out)
            config.plugins.on_startup(command="serve" if drafts else "build", dirty=False)
            try:
                # No server runs: the URL only tells MkDocs to build as `serve` does.
                build(config, serve_url="http://127.0.0.1:8000/" if drafts else None)
            finally:
                config.plugins.on_shutdown()
            plugin = config.plugins.get("blogpost")
            if plugin is not None:
                report.stats = dict(getattr(plugin, "stats", {}))
                from .posts import is_public

                posts = getattr(plugin, "posts", {}).values()
                report.posts = sum(1 for p in posts if p.date is not None and is_public(p))
    except Exception as exc:  # report any failure of the build, never a traceback
        report.error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    finally:
        logger.removeHandler(collector)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    for record in collector.records:
        message = _PREFIX.sub("", record.getMessage())
        report.warnings.append(path_map.locate(message))
    return report
