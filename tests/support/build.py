"""Build real MkDocs sites in temporary folders and read what they wrote."""

from __future__ import annotations

import logging
import os
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

#: A tiny valid PNG (1x1), for covers and images in fixtures.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082"
)


# A hook that records each page's meta as MkDocs holds it, so tests see real metadata.
META_HOOK = textwrap.dedent(
    """
    import json, os, datetime

    def on_page_context(context, page, config, nav):
        path = os.path.join(os.path.dirname(config.config_file_path), "meta.json")
        data = {}
        if os.path.exists(path):
            with open(path) as fh:
                data = json.load(fh)
        def conv(v):
            if isinstance(v, (datetime.date, datetime.datetime)):
                return v.isoformat()
            return v
        data[page.file.src_uri] = {
            "meta": {k: conv(v) for k, v in page.meta.items()},
            "url": page.url,
            "title": page.title,
        }
        with open(path, "w") as fh:
            json.dump(data, fh, default=str)
        return context
    """
)


@dataclass
class Site:
    """A built site: its folders, config, log and helpers to read the output."""

    root: Path
    site_dir: Path
    config: Any
    records: list[logging.LogRecord] = field(default_factory=list)
    error: BaseException | None = None

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    @property
    def infos(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno == logging.INFO]

    def path(self, rel: str) -> Path:
        return self.site_dir / rel

    def read(self, rel: str) -> str:
        return (self.site_dir / rel).read_text(encoding="utf-8")

    def soup(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup(self.read(rel), "lxml")

    def exists(self, rel: str) -> bool:
        return (self.site_dir / rel).exists()

    def html_files(self) -> list[str]:
        return sorted(
            str(p.relative_to(self.site_dir)).replace(os.sep, "/")
            for p in self.site_dir.rglob("*.html")
        )


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def write_tree(base: Path, files: dict[str, str | bytes]) -> None:
    """Write `files` (path -> text or bytes) under `base`; text is dedented."""
    for rel, content in files.items():
        target = base / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


def make_config(root: Path, config: dict[str, Any] | None, strict: bool) -> Any:
    settings: dict[str, Any] = {
        "site_name": "Test site",
        "site_url": "https://example.org/docs/",
        "docs_dir": str(root / "docs"),
        "site_dir": str(root / "site"),
        "theme": {"name": "material"},
        "plugins": ["search", "blogpost"],
    }
    settings.update(config or {})
    cfg_path = root / "mkdocs.yml"
    cfg_path.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return load_config(config_file=str(cfg_path), strict=strict)


def run_build(root: Path, cfg: Any, *, expect_failure: bool = False, serve: bool = False) -> Site:
    handler = _Collector()
    logger = logging.getLogger("mkdocs")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    error: BaseException | None = None
    try:
        # As the CLI does: plugins with on_startup are cached and reused across builds.
        cfg.plugins.on_startup(command="serve" if serve else "build", dirty=False)
        if serve:
            build(cfg, serve_url="http://127.0.0.1:8000/")
        else:
            build(cfg)
    except Abort as exc:
        error = exc
        if not expect_failure:
            messages = "\n".join(r.getMessage() for r in handler.records if r.levelno >= 30)
            raise AssertionError(f"build failed: {exc}\n{messages}") from exc
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    if expect_failure and error is None:
        raise AssertionError("the build was expected to fail but passed")
    return Site(
        root=root, site_dir=Path(cfg.site_dir), config=cfg, records=handler.records, error=error
    )


BuildSite = Callable[..., Site]
