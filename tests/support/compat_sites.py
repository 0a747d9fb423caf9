"""Build tiny blogs beside another real plugin, under MkDocs or ProperDocs, in both orders.

The compatibility tests (`test_with_<plugin>.py`) and the ProperDocs tests share this:

- `ENGINES`: `mkdocs` builds in this process through MkDocs' API (as the rest of the
  suite does); `properdocs` runs `python -m properdocs build` in a child process, since
  ProperDocs answers every `mkdocs.*` import in its process once it runs.
- `orders(other)`: the `plugins:` list with blogpost before, then after, the other plugin.
- `build_site(root, files, config, engine=...)`: writes the docs and the config file,
  builds strict by default, and returns a `Built` to read the output with BeautifulSoup.

Nothing here depends on the other test helpers, so it can move with the tests.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

#: The builders every compatibility test runs on.
ENGINES = ("mkdocs", "properdocs")

#: Seconds one child build may take before the test fails rather than hangs.
BUILD_TIMEOUT = 180

#: A tiny valid PNG (1x1), for covers and images.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082"
)

#: Three posts (two tagged, one with a cover) and a home page: enough for an index,
#: a tag page, a post page and the feeds.
POSTS: dict[str, str | bytes] = {
    "index.md": "# Home\n\nThe project's front page.\n",
    "assets/img/harbour.png": PNG,
    "blog/posts/2024-03-05-first-light.md": """
        ---
        title: First light
        description: The lamp is lit for the season.
        tags: [lamp, season]
        img: harbour.png
        ---
        The keepers lit the lamp on a calm evening, and the beam reached the far reef.
        """,
    "blog/posts/2024-04-12-fog-signal.md": """
        ---
        title: Fog signal
        tags: [lamp]
        ---
        A new horn sounds every thirty seconds when the fog rolls in from the bay.
        """,
    "blog/posts/2024-05-20-open-day.md": """
        ---
        title: Open day
        author: Ada Keeper
        ---
        Visitors climbed the stairs and counted one hundred and twelve steps.
        """,
}

#: Where those posts are built, with `use_directory_urls` on.
POST_PAGES = {
    "first-light": "blog/2024/03/05/first-light/index.html",
    "fog-signal": "blog/2024/04/12/fog-signal/index.html",
    "open-day": "blog/2024/05/20/open-day/index.html",
}

SITE_URL = "https://example.org/docs/"


@dataclass
class Built:
    """One finished (or failed) build: its folders, its log and the output to read."""

    root: Path
    site_dir: Path
    engine: str
    log: list[str] = field(default_factory=list)
    failed: bool = False

    @property
    def warnings(self) -> list[str]:
        """The build's warnings and errors, as their message text."""
        return [line.split("-", 1)[1].strip() for line in self.log if _is_warning(line)]

    def read(self, rel: str) -> str:
        """Text of an output file."""
        return (self.site_dir / rel).read_text(encoding="utf-8")

    def soup(self, rel: str) -> BeautifulSoup:
        """An output page, parsed."""
        return BeautifulSoup(self.read(rel), "lxml")

    def exists(self, rel: str) -> bool:
        """Tell whether the build wrote `rel`."""
        return (self.site_dir / rel).exists()


def _is_warning(line: str) -> bool:
    return line.startswith(("WARNING", "ERROR"))


def orders(
    other: str | dict[str, Any], blogpost: str | dict[str, Any] = "blogpost"
) -> list[tuple[str, list[Any]]]:
    """Return `(name, plugins)` with blogpost before, then after, the other plugin.

    `search` comes first in both, as most sites list it.
    """
    return [
        ("blogpost-first", ["search", blogpost, other]),
        ("blogpost-last", ["search", other, blogpost]),
    ]


def in_both_orders(other: str | dict[str, Any]) -> pytest.MarkDecorator:
    """Run a test once per `orders(other)`, its `plugins` argument the `plugins:` list."""
    both = orders(other)
    return pytest.mark.parametrize("plugins", [p for _, p in both], ids=[n for n, _ in both])


def write_site(
    root: Path,
    files: dict[str, str | bytes],
    config: dict[str, Any] | None = None,
    *,
    config_name: str = "mkdocs.yml",
) -> Path:
    """Write `files` under `root/docs` and the configuration; return the config file."""
    for rel, content in files.items():
        target = root / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    settings: dict[str, Any] = {
        "site_name": "Lighthouse",
        "site_url": SITE_URL,
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material"},
        "plugins": ["search", "blogpost"],
    }
    settings.update(config or {})
    path = root / config_name
    path.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return path


def build_site(
    root: Path,
    files: dict[str, str | bytes],
    config: dict[str, Any] | None = None,
    *,
    engine: str = "mkdocs",
    strict: bool = True,
    expect_failure: bool = False,
    config_name: str = "mkdocs.yml",
    env: dict[str, str] | None = None,
) -> Built:
    """Write a site under `root` and build it with `engine`.

    Args:
        root: An empty folder for the project (docs, config, site).
        files: Docs files by path; text is dedented.
        config: Settings over the defaults (Material, `site_url`, search and blogpost).
        engine: `mkdocs` or `properdocs`.
        strict: Build with `--strict`: any warning fails the build.
        expect_failure: The build must fail; otherwise a failure fails the test with
            the build's log.
        config_name: The configuration file's name (`properdocs.yml` works for
            ProperDocs).
        env: Extra environment variables for the build (child builds only).
    """
    write_site(root, files, config, config_name=config_name)
    return build_project(
        root,
        engine=engine,
        strict=strict,
        expect_failure=expect_failure,
        config_name=config_name,
        env=env,
    )


def build_project(
    root: Path,
    *,
    engine: str = "mkdocs",
    strict: bool = True,
    expect_failure: bool = False,
    config_name: str = "mkdocs.yml",
    env: dict[str, str] | None = None,
) -> Built:
    """Build the project already written under `root` (see `build_site`)."""
    config_file = root / config_name
    if engine == "mkdocs":
        built = _build_in_process(root, config_file, strict=strict)
    elif engine == "properdocs":
        built = _build_in_child(root, config_file, strict=strict, env=env)
    else:
        raise ValueError(f"unknown engine {engine!r}; use one of {ENGINES}")
    if built.failed and not expect_failure:
        raise AssertionError(f"the {engine} build failed:\n" + "\n".join(built.log))
    if expect_failure and not built.failed:
        raise AssertionError(f"the {engine} build was expected to fail but passed")
    return built


class _Lines(logging.Handler):
    """Keeps each record as the CLI would print it: `LEVEL - message`."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def _build_in_process(root: Path, config_file: Path, *, strict: bool) -> Built:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    handler = _Lines()
    logger = logging.getLogger("mkdocs")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    failed = False
    cwd = os.getcwd()
    # Relative paths in the config (docs_dir, hooks, macros' files) are read from the
    # project folder, as they are when `mkdocs build` runs there.
    os.chdir(root)
    try:
        cfg = load_config(config_file=str(config_file), strict=strict)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        except (Abort, ConfigurationError) as exc:
            failed = True
            handler.lines.append(f"ERROR   -  {exc}")
        # As `mkdocs build` does; after a failed build, a plugin's clean-up may trip
        # over what it never set up, which is not what the test is about.
        try:
            cfg.plugins.on_shutdown()
        except Exception:
            if not failed:
                raise
    except (Abort, ConfigurationError) as exc:
        failed = True
        handler.lines.append(f"ERROR   -  {exc}")
    finally:
        os.chdir(cwd)
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    return Built(
        root=root, site_dir=root / "site", engine="mkdocs", log=handler.lines, failed=failed
    )


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a child build: this one, quiet, with `extra` over it."""
    env = dict(os.environ)
    # Material's end-of-life banner (under the `mkdocs` command only) and ProperDocs'
    # own notice would otherwise open every log. ProperDocs 1.6.7 reads the second
    # variable; its later code reads the first, as Material does, and wants "true".
    env["NO_MKDOCS_2_WARNING"] = "true"
    env["DISABLE_MKDOCS_2_WARNING"] = "true"
    env.update(extra or {})
    return env


def run_tool(
    args: Sequence[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m <args>` in `cwd` with `child_env`, bounded in time."""
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        env=child_env(env),
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def _build_in_child(
    root: Path, config_file: Path, *, strict: bool, env: dict[str, str] | None
) -> Built:
    args = ["properdocs", "build", "-f", config_file.name]
    if strict:
        args.append("--strict")
    done = run_tool(args, root, env)
    log = (done.stderr + done.stdout).splitlines()
    return Built(
        root=root,
        site_dir=root / "site",
        engine="properdocs",
        log=log,
        failed=done.returncode != 0,
    )


def nav_links(built: Built, rel: str = "index.html") -> list[tuple[str, str]]:
    """The (text, href) of each link in Material's primary navigation on a page."""
    soup = built.soup(rel)
    return [
        (" ".join(a.get_text(" ", strip=True).split()), str(a.get("href")))
        for a in soup.select("nav.md-nav--primary a.md-nav__link")
    ]


def commit_all(root: Path, when: str = "2024-06-01T12:00:00+00:00") -> None:
    """Make `root` a git repository with everything in one commit dated `when`."""
    env = dict(
        os.environ,
        GIT_AUTHOR_DATE=when,
        GIT_COMMITTER_DATE=when,
        GIT_AUTHOR_NAME="Ada Keeper",
        GIT_AUTHOR_EMAIL="ada@example.org",
        GIT_COMMITTER_NAME="Ada Keeper",
        GIT_COMMITTER_EMAIL="ada@example.org",
    )
    for command in (
        ["git", "init", "-q", "-b", "main"],
        ["git", "add", "."],
        ["git", "commit", "-q", "-m", "Site"],
    ):
        subprocess.run(command, cwd=root, env=env, check=True, capture_output=True)


def folder_structure(files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """Return i18n's `docs_structure: suffix` files (`post.fr.md`) laid out as `folder`.

    `docs/en/...` for the default language, `docs/fr/...` for the French files.
    """
    out: dict[str, str | bytes] = {}
    for path, text in files.items():
        stem, _, ext = path.rpartition(".")
        if stem.endswith(".fr"):
            out["fr/" + stem[: -len(".fr")] + "." + ext] = text
        else:
            out["en/" + path] = text
    return out
