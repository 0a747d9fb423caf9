"""The languages of a build: mkdocs-static-i18n's, or one post's `lang:`.

mkdocs-static-i18n builds the whole site once per language, with the same plugins. In
its `on_files` (priority -100) it replaces every docs file with one of this language's
build: `post.fr.md` (or `fr/.../post.md`) stands in for `post.md`, a post without a
translation is kept as its default-language version (its "fallback") unless the site
turns that off, and each file is moved under the language's folder (`fr/`). Each file
then carries its language (`locale`), its language-neutral path (`norm_src_uri`) and
its other-language versions (`alternates`), which the language switcher and the
sitemap read.

So the blog reads its posts after i18n has made this language's files, and one post in
several languages is one post: its key is the language-neutral path, and every
language's version lives at the same site path under that language's folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File

from .urls import move_to

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from mkdocs.config.defaults import MkDocsConfig

__all__ = [
    "BuildLanguages",
    "file_key",
    "file_language",
    "language_name",
    "language_tag",
    "static_i18n",
]


@dataclass(frozen=True)
class BuildLanguages:
    """The languages of one mkdocs-static-i18n build.

    Attributes:
        current: The language this build writes (`fr`).
        default: The site's default language, whose pages are at the site root.
        languages: Every language the site builds, the default first.
        src_prefix: The folder of this language's docs (`fr/` with `docs_structure:
            folder`, else ""), where generated pages are placed in the docs tree so the
            nav groups them with the language's pages.
        fallback: Whether a post without a translation is shown in this language.
        plugin: The i18n plugin, whose sitemap lists the pages of each language.
        site_dir: The site's output folder.
    """

    current: str
    default: str
    languages: tuple[str, ...]
    src_prefix: str
    fallback: bool
    plugin: Any
    site_dir: str

    def url_prefix(self, language: str | None = None) -> str:
        """Return the site folder of `language` (this build's by default): "" or `fr/`."""
        language = language or self.current
        return "" if language == self.default else f"{language}/"

    def neutral(self, site_path: str) -> str:
        """Return a site path of this build without its language folder."""
        prefix = self.url_prefix()
        return site_path[len(prefix) :] if prefix and site_path.startswith(prefix) else site_path

    def in_language(self, site_path: str, language: str) -> str:
        """Return where the page at `site_path` of this build is in `language`."""
        return self.url_prefix(language) + self.neutral(site_path)

    def docs_key(self, file: File) -> str:
        """Return the docs path a file stands for in this build.

        `blog/index.fr.md`, or the default language's `en/blog/index.md` shown in French,
        stand for the docs path the blog's French index page has.
        """
        return self.src_prefix + file_key(file) if hasattr(file, "norm_src_uri") else file.src_uri

    def place(self, file: File) -> None:
        """Move a page the blog generated to this language's site folder."""
        prefix, src_prefix = self.url_prefix(), self.src_prefix
        if prefix == src_prefix:
            return
        dest = prefix + file.dest_uri.removeprefix(src_prefix)
        url = prefix + file.url.removeprefix(src_prefix)
        move_to(file, url, dest, self.site_dir)

    def give_alternates(self, file: File, urls: Mapping[str, str]) -> None:
        """Make a generated page a page of this language for i18n's switcher and sitemap.

        Args:
            file: The generated page.
            urls: Site path of the same page in each other language that has it.
        """
        alternates: dict[str, File] = {self.current: file}
        for language, url in urls.items():
            if language != self.current:
                alternates[language] = _stand_in(file, url, self.site_dir)
        file.alternates = alternates  # type: ignore[attr-defined]
        file.locale = self.current  # type: ignore[attr-defined]
        file.locale_alternate_of = self.current  # type: ignore[attr-defined]
        file.localization = None  # type: ignore[attr-defined]
        file.norm_src_uri = file.src_uri  # type: ignore[attr-defined]

    def list_in_sitemap(self, files: Iterable[File]) -> None:
        """Add generated pages to the pages i18n's sitemap lists for this language.

        i18n takes that list in its `on_files`, before the blog adds its pages.
        """
        listed = getattr(self.plugin, "i18n_files_per_language", None)
        pages = listed.get(self.current) if isinstance(listed, dict) else None
        if isinstance(pages, list):
            known = {id(f) for f in pages}
            pages.extend(f for f in files if id(f) not in known)


def _stand_in(file: File, url: str, site_dir: str) -> File:
    """Return a file object that only says where a page is in another language (`url`)."""
    other = File(file.src_uri, None, "", use_directory_urls=True)
    dest = url + "index.html" if url.endswith("/") or not url else url
    move_to(other, url, dest, site_dir)
    return other


def file_key(file: File) -> str:
    """Return the language-neutral docs path of a file (its own path without i18n)."""
    return getattr(file, "norm_src_uri", None) or file.src_uri


def file_language(file: File) -> str | None:
    """Return the language i18n gave a file (its own, not the build's), if any."""
    locale = getattr(file, "locale", None)
    return locale if isinstance(locale, str) else None


def static_i18n(config: MkDocsConfig, *, fallback: bool) -> BuildLanguages | None:
    """Return the languages of this build when mkdocs-static-i18n makes one per language.

    Args:
        config: The site's configuration (i18n's `on_config` has run).
        fallback: The blog's `fallback_to_default` option; i18n's own must be on too,
            or untranslated pages are not built in other languages at all.
    """
    plugin = config.plugins.get("i18n")
    if plugin is None or not type(plugin).__module__.startswith("mkdocs_static_i18n"):
        return None
    current = getattr(plugin, "current_language", None)
    default = getattr(plugin, "default_language", None)
    if not isinstance(current, str) or not isinstance(default, str):
        return None
    built = [str(lang) for lang in getattr(plugin, "build_languages", [current])]
    languages = tuple(dict.fromkeys([default, *built]))
    folder = plugin.config.get("docs_structure") == "folder"
    src_prefix = f"{current}/" if folder and _has_folder(config.docs_dir, current) else ""
    return BuildLanguages(
        current=current,
        default=default,
        languages=languages,
        src_prefix=src_prefix,
        fallback=fallback and bool(plugin.config.get("fallback_to_default", True)),
        plugin=plugin,
        site_dir=config.site_dir,
    )


def _has_folder(docs_dir: str, language: str) -> bool:
    import os

    return os.path.isdir(os.path.join(docs_dir, language))


def language_tag(code: str) -> str:
    """Return a language code as a BCP 47 tag for HTML and feeds: `pt_BR` → `pt-BR`."""
    return code.replace("_", "-")


@lru_cache(maxsize=256)
def language_name(code: str, in_language: str | None = None, *, label: bool = True) -> str:
    """Return the name of a language, in `in_language` (its own name by default).

    Babel knows the names; an unknown code is returned as it is. A `label` (a link
    naming the language alone) starts with a capital; inside a phrase, the name is
    written as the language writes it ("en anglais").
    """
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code.replace("-", "_"))
        shown_in = Locale.parse((in_language or code).replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code
    name = locale.get_display_name(shown_in) or code
    return name[:1].upper() + name[1:] if label else name

