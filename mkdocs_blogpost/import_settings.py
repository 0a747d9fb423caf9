"""Translate a Jekyll `_config.yml` into MkDocs settings and `blogpost` options.

Used by `mkdocs-blogpost import`; nothing here runs during a build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .config import BlogpostConfig
from .dates import DateError, get_timezone

__all__ = [
    "JEKYLL_CONFIG_COPY",
    "ImportSettings",
    "JekyllConfigError",
    "Problem",
    "additions",
    "has_plugin",
    "plugin_supports",
    "read_jekyll_config",
    "render_mkdocs_yml",
    "render_snippet",
    "translate_settings",
]

#: Where the importer keeps the Jekyll configuration, beside `mkdocs.yml`.
JEKYLL_CONFIG_COPY = "jekyll-config.yml"

#: Material's `theme.language` values (a file each in `partials/languages/`), read lazily.
_MATERIAL_LANGUAGES: set[str] | None = None


class JekyllConfigError(Exception):
    """`_config.yml` cannot be read or is not a YAML mapping."""


@dataclass(frozen=True)
class Problem:
    """Something the importer could not carry over, with where it was written.

    Attributes:
        path: The file, as in the Jekyll folder (`_config.yml`, `_posts/x.md`).
        line: Its line, when known.
        message: What was not converted and what to do about it.
    """

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class ImportSettings:
    """What `_config.yml` becomes.

    Attributes:
        mkdocs: Top-level `mkdocs.yml` settings (`site_name`, `site_url`, ...), theme apart.
        theme_language: Material's `theme.language`, when the Jekyll site named one it has.
        plugin: Options of the `blogpost` plugin.
        problems: Settings that could not be carried over.
    """

    mkdocs: dict[str, Any] = field(default_factory=dict)
    theme_language: str | None = None
    plugin: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def plugin_supports(option: str) -> bool:
    """Tell whether this version of the plugin declares `option`.

    The importer only writes options the installed plugin validates, so its output
    never makes the build stop on an unknown option.
    """
    return any(name == option for name, _ in BlogpostConfig._schema)


def read_jekyll_config(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """Read `_config.yml`: its mapping, and the line of each top-level key.

    Raises:
        JekyllConfigError: The file cannot be read, is not YAML, or is not a mapping.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise JekyllConfigError(f"cannot read {path}: {exc}") from None
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise JekyllConfigError(f"{path} is not valid YAML: {exc}") from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise JekyllConfigError(f"{path} is not a YAML mapping of settings")
    lines = {
        str(key.value): key.start_mark.line + 1
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }
    return data, lines


def translate_settings(
    data: dict[str, Any],
    lines: dict[str, int],
    *,
    config_name: str = "_config.yml",
    copied: bool = True,
) -> ImportSettings:
    """Turn the Jekyll settings into MkDocs settings and plugin options.

    Args:
        data: `_config.yml` as read by `read_jekyll_config`.
        lines: Line of each top-level key, for the report.
        config_name: How the report names the file.
        copied: Whether the file is copied to `JEKYLL_CONFIG_COPY` for the plugin to read.
    """
    out = ImportSettings()

    def problem(key: str, message: str) -> None:
        out.problems.append(Problem(config_name, lines.get(key), message))

    out.mkdocs["site_name"] = _text(data.get("title")) or "Blog"
    if _text(data.get("description")):
        out.mkdocs["site_description"] = _text(data.get("description"))
    author = data.get("author")
    if isinstance(author, dict):
        author = author.get("name")
    if _text(author):
        out.mkdocs["site_author"] = _text(author)
    site_url = _site_url(data)
    if site_url:
        out.mkdocs["site_url"] = site_url
    _translate_language(data, out, problem)
    _translate_plugin_options(data, out, problem)
    if copied and plugin_supports("jekyll_config"):
        out.plugin["jekyll_config"] = JEKYLL_CONFIG_COPY
    elif data.get("permalink") not in (None, "", "date"):
        problem(
            "permalink",
            f"permalink {data['permalink']!r} is not reproduced: posts get the plugin's "
            "URLs (post_url_format). List old URLs in each post's redirect_from to keep them",
        )
    return out


def _translate_language(data: dict[str, Any], out: ImportSettings, problem: Any) -> None:
    lang = _text(data.get("lang") or data.get("locale"))
    if not lang:
        return
    out.plugin["language"] = lang.replace("-", "_")
    material = _material_language(lang)
    key = "lang" if data.get("lang") else "locale"
    if material is None:
        problem(key, f"Material has no language {lang!r}; the theme stays in English")
    else:
        out.theme_language = material


def _translate_plugin_options(data: dict[str, Any], out: ImportSettings, problem: Any) -> None:
    timezone = _text(data.get("timezone"))
    if timezone:
        try:
            get_timezone(timezone)
        except DateError as exc:
            problem("timezone", f"timezone: {exc}; dates without a zone are read as UTC")
        else:
            out.plugin["timezone"] = timezone
    for key, option in (("paginate", "posts_per_page"), ("words_per_minute", "words_per_minute")):
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            out.plugin[option] = value
        else:
            problem(key, f"{key}: {value!r} is not a positive whole number; the default is kept")
    handle, key = _twitter_handle(data)
    if handle:
        from .share import normalize_handle

        try:
            out.plugin["twitter_via"] = f"@{normalize_handle(handle)}"
        except ValueError as exc:
            problem(key, f"{exc}; share links go without a handle")


def _twitter_handle(data: dict[str, Any]) -> tuple[str | None, str]:
    """Find the site's X handle in any of the places Jekyll themes keep it."""
    if _text(data.get("twitter_username")):
        return _text(data["twitter_username"]), "twitter_username"
    for key, sub in (("twitter", "username"), ("social", "twitter")):
        value = data.get(key)
        if isinstance(value, dict) and _text(value.get(sub)):
            return _text(value[sub]), key
    return None, ""


def _site_url(data: dict[str, Any]) -> str | None:
    url = _text(data.get("url")).rstrip("/")
    if not url:
        return None
    baseurl = _text(data.get("baseurl")).strip("/")
    return f"{url}/{baseurl}/" if baseurl else f"{url}/"


def _material_language(lang: str) -> str | None:
    global _MATERIAL_LANGUAGES  # a cache of a fixed folder listing, not build state
    if _MATERIAL_LANGUAGES is None:
        try:
            import material

            folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
            _MATERIAL_LANGUAGES = {p.stem for p in folder.glob("*.html")}
        except (ImportError, OSError):
            _MATERIAL_LANGUAGES = {"en"}
    spelled = lang.replace("_", "-")
    for candidate in (spelled, spelled.split("-")[0].lower()):
        if candidate in _MATERIAL_LANGUAGES:
            return candidate
    return None


def _text(value: object) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).strip()


def _plugin_entry(settings: ImportSettings) -> str | dict[str, Any]:
    return {"blogpost": dict(settings.plugin)} if settings.plugin else "blogpost"


def render_mkdocs_yml(settings: ImportSettings) -> str:
    """Write a minimal `mkdocs.yml` for the imported blog: Material, search and the plugin."""
    theme: dict[str, Any] = {"name": "material"}
    if settings.theme_language:
        theme["language"] = settings.theme_language
    config: dict[str, Any] = dict(settings.mkdocs)
    config["theme"] = theme
    config["plugins"] = ["search", _plugin_entry(settings)]
    # What Jekyll's kramdown gave posts for free: `{: .class}` attributes, Markdown in
    # HTML blocks, fenced code inside lists, heading anchors.
    config["markdown_extensions"] = [
        "attr_list",
        "md_in_html",
        "admonition",
        "pymdownx.superfences",
        {"toc": {"permalink": True}},
    ]
    header = "# Written by `mkdocs-blogpost import` from the Jekyll site's _config.yml.\n"
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def additions(settings: ImportSettings, existing: dict[str, Any]) -> dict[str, Any]:
    """Return what an existing `mkdocs.yml` lacks to reproduce the Jekyll settings.

    Settings the site already has (its own `site_name`, say) are its owner's choice and
    are left out; the plugin is added to `plugins` when it is not there yet.
    """
    config = {k: v for k, v in settings.mkdocs.items() if k not in existing}
    theme = existing.get("theme")
    if settings.theme_language and isinstance(theme, dict) and "language" not in theme:
        config["theme"] = {"language": settings.theme_language}
    # MkDocs enables `search` only while `plugins` is not set: keep it when we set it.
    plugins = (existing.get("plugins") or []) if "plugins" in existing else ["search"]
    if not any(_plugin_name(p) == "blogpost" for p in plugins):
        config["plugins"] = [*plugins, _plugin_entry(settings)]
    return config


def has_plugin(existing: dict[str, Any]) -> bool:
    """Tell whether an existing `mkdocs.yml` already enables the plugin."""
    return any(_plugin_name(p) == "blogpost" for p in existing.get("plugins") or [])


def _plugin_name(entry: object) -> object:
    return next(iter(entry), None) if isinstance(entry, dict) else entry


def render_snippet(settings: ImportSettings, existing: dict[str, Any]) -> str:
    """Write the YAML to add to an existing `mkdocs.yml` (empty when nothing is missing)."""
    config = additions(settings, existing)
    if has_plugin(existing) and settings.plugin:
        # The plugin is there: show its options, to merge under its own entry.
        config["plugins"] = [_plugin_entry(settings)]
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True) if config else ""
