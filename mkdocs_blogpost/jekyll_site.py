"""The old Jekyll blog's `_config.yml`: its `site.*` values, permalink and time zone.

Read once per build (option `jekyll_config`), before any post: posts use the values
through `{{ site.author }}` and the like, and the permalink gives each post's old URL.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from .dates import DateError, get_timezone
from .permalinks import PermalinkError, check_pattern, expand_style

__all__ = ["JekyllConfigError", "JekyllSite", "load_for_blog", "read_jekyll_config"]

log = get_plugin_logger(__name__)


class JekyllConfigError(ValueError):
    """The `_config.yml` cannot be used; the message names the file and says why."""


@dataclass(frozen=True)
class JekyllSite:
    """The settings of the old Jekyll site.

    Attributes:
        path: The file they were read from, for messages.
        settings: The whole file, as YAML gave it (what `site.*` reads).
    """

    path: str
    settings: Mapping[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The file name shown in messages (`_config.yml`)."""
        return os.path.basename(self.path)

    @property
    def permalink(self) -> str | None:
        """The posts' permalink as a pattern (style names expanded), if the file sets one.

        As Jekyll ranks them: front-matter `defaults` for posts, then the `posts`
        collection's `permalink`, then the site's `permalink`.
        """
        for value in (self._default_permalink(), self._collection_permalink()):
            if isinstance(value, str) and value.strip():
                return value.strip()
        value = self.settings.get("permalink")
        if value is None or value == "":
            return None
        return expand_style(str(value))

    def _collection_permalink(self) -> object:
        collections = self.settings.get("collections")
        posts = collections.get("posts") if isinstance(collections, Mapping) else None
        return posts.get("permalink") if isinstance(posts, Mapping) else None

    def _default_permalink(self) -> object:
        """Return the `permalink` of the last `defaults` entry that applies to every post."""
        found: object = None
        defaults = self.settings.get("defaults")
        for entry in defaults if isinstance(defaults, list) else []:
            if not isinstance(entry, Mapping) or not isinstance(entry.get("values"), Mapping):
                continue
            scope = entry.get("scope")
            scope = scope if isinstance(scope, Mapping) else {}
            kind = scope.get("type")
            path = str(scope.get("path") or "").strip("/")
            if kind in (None, "posts") and path in ("", "_posts"):
                found = entry["values"].get("permalink", found)
        return found

    @property
    def timezone(self) -> str | None:
        """The site's `timezone:`, if it sets one."""
        value = self.settings.get("timezone")
        if value is None:
            return None
        return str(value).strip() or None


def read_jekyll_config(path: str) -> JekyllSite:
    """Read the Jekyll `_config.yml` at `path`.

    Raises:
        JekyllConfigError: When the file is missing, unreadable, not YAML, not a mapping,
            or sets a permalink Jekyll would refuse.
    """
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise JekyllConfigError(f"'{path}' does not exist; fix the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise JekyllConfigError(f"'{path}' cannot be read ({exc})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise JekyllConfigError(f"{where}: {problem}; fix the YAML") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise JekyllConfigError(
            f"'{path}' is not a YAML mapping of settings (it holds a {type(data).__name__}); "
            "point the option at the old blog's _config.yml"
        )
    site = JekyllSite(path=path, settings=data)
    if site.permalink is not None:
        try:
            check_pattern(site.permalink)
        except PermalinkError as exc:
            raise JekyllConfigError(f"{name}: 'permalink: {site.permalink}': {exc}") from None
    return site


def load_for_blog(path: str | None, timezone: dt.tzinfo, timezone_name: str) -> JekyllSite | None:
    """Read the `_config.yml` the option `jekyll_config` names, once per build.

    Args:
        path: The option's value (already resolved to an existing file), or `None`.
        timezone: The blog's time zone.
        timezone_name: The blog's `timezone` option as written, for the warning.

    Raises:
        PluginError: The file cannot be used.
    """
    if not path:
        return None
    try:
        site = read_jekyll_config(path)
    except JekyllConfigError as exc:
        raise PluginError(f"blogpost: option 'jekyll_config': {exc}") from None
    theirs = site.timezone
    if theirs is not None and not _same_zone(theirs, timezone):
        log.warning(
            f"{site.name} sets 'timezone: {theirs}', but the blogpost option 'timezone' "
            f"is '{timezone_name}': post dates and their old URLs use "
            f"'{timezone_name}'. Set the option to '{theirs}' to match the old blog"
        )
    return site


def _same_zone(name: str, zone: dt.tzinfo) -> bool:
    """Tell whether the zone called `name` keeps the clock of `zone` (`Etc/UTC` is `UTC`)."""
    try:
        other = get_timezone(name)
    except DateError:
        return False
    # Winter and summer: zones that agree on both agree on every post date in practice.
    moments = (
        dt.datetime(2024, 1, 15, tzinfo=dt.timezone.utc),
        dt.datetime(2024, 7, 15, tzinfo=dt.timezone.utc),
    )
    return all(m.astimezone(other).utcoffset() == m.astimezone(zone).utcoffset() for m in moments)
