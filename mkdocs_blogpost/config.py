"""The plugin's typed configuration.

Each option carries a docstring: they are the user documentation of the option.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from .dates import DateError, get_timezone
from .permalinks import PermalinkError, check_pattern, expand_style
from .problems import SEVERITIES, Severity

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "DEFAULT_AUTHORS_FILE",
    "DEFAULT_FEED_FILES",
    "AuthorsFileOption",
    "BlogpostConfig",
    "Count",
    "DocsFolder",
    "FeedPath",
    "FeedPathsConfig",
    "FeedPathsOption",
    "JekyllConfigOption",
    "MastodonInstanceOption",
    "NamesFileOption",
    "PermalinkOption",
    "SchemaConfig",
    "SchemaOption",
    "SeverityOption",
    "SubFolder",
    "TimezoneOption",
    "XHandleOption",
    "authors_file",
    "feed_paths",
]

#: The default of `mastodon_instance`, valid as it is: checking it needs no share module.
DEFAULT_MASTODON_INSTANCE = "mastodon.social"


class Count(c.Type[int]):
    """A whole number of at least `minimum`; `meaning` tells the author what it counts."""

    def __init__(self, *, default: int | None, minimum: int, meaning: str = "") -> None:
        # `default=None` for a count that may be left unset, inside `c.Optional`.
        super().__init__(int, default=default)
        self.minimum = minimum
        self.meaning = meaning

    def run_validation(self, value: object) -> int:
        """Refuse booleans, fractions and numbers under the minimum."""
        if isinstance(value, bool):
            raise ValidationError(f"expected a whole number, not {value!r}")
        number = super().run_validation(value)
        if number < self.minimum:
            if self.minimum == 1:
                wanted = "a positive number"
            else:
                wanted = f"{self.minimum}{self.meaning} or more"
            raise ValidationError(f"must be {wanted}, not {number}")
        return number


class DocsFolder(c.Type[str]):
    """A folder of `docs_dir`, written without slashes around (`""` is `docs_dir` itself)."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        """Strip the slashes around and refuse a way out of `docs_dir`."""
        text = super().run_validation(value)
        folder = text.strip().strip("/")
        if ".." in folder.split("/") or "\\" in folder:
            raise ValidationError(
                f"must be a folder inside docs_dir, written with '/', like 'blog/posts', "
                f"not {text!r}"
            )
        return folder


class SubFolder(DocsFolder):
    """One folder under the blog's folder (`tags`), never empty."""

    def run_validation(self, value: object) -> str:
        """Also refuse an empty name, which would put two kinds of page in one folder."""
        try:
            folder = super().run_validation(value)
        except ValidationError:
            folder = ""
        if not folder:
            raise ValidationError(f"must be a folder name like 'tags', not {value!r}")
        return folder


#: Where Material for MkDocs' blog keeps its authors: a site moving over keeps the file.
DEFAULT_AUTHORS_FILE = "{blog_dir}/.authors.yml"


class AuthorsFileOption(c.Type[str]):
    """A YAML file in `docs_dir` (`blog/.authors.yml`); `{blog_dir}` is the blog's folder."""

    def __init__(self) -> None:
        super().__init__(str, default=DEFAULT_AUTHORS_FILE)

    def run_validation(self, value: object) -> str:
        """Refuse a way out of `docs_dir`, a folder, and a file that is not YAML."""
        text = super().run_validation(value).strip()
        path = text.replace("{blog_dir}", "blog").strip("/")
        if not path or ".." in path.split("/") or "\\" in path or "://" in path:
            raise ValidationError(
                f"must be a file inside docs_dir, written with '/', like "
                f"'{DEFAULT_AUTHORS_FILE}', not {text!r}"
            )
        if not path.lower().endswith((".yml", ".yaml")):
            raise ValidationError(f"must be a YAML file ending in '.yml' or '.yaml', not {text!r}")
        return text


def authors_file(options: BlogpostConfig) -> str:
    """Return the docs path of the blog's authors file (`blog/.authors.yml`)."""
    return options.authors_file.replace("{blog_dir}", options.blog_dir).strip("/")


class TimezoneOption(c.Type[str]):
    """An IANA time zone name (`Europe/Berlin`), `UTC`, or an offset like `+05:30`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        """Refuse a name no time zone database knows; the name itself is kept."""
        name = super().run_validation(value)
        try:
            get_timezone(name)
        except DateError as exc:
            raise ValidationError(
                f"{exc}; write an IANA name such as 'Europe/Berlin', 'UTC' or an offset "
                "such as '+05:30'"
            ) from None
        return name


class XHandleOption(c.Type[str]):
    """An X (Twitter) handle, with or without `@`; kept without it."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        """Normalise the handle; the share module loads only when there is one to check."""
        text = super().run_validation(value)
        if not text.strip():
            return ""
        from .share import normalize_handle

        try:
            return normalize_handle(text) or ""
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


class MastodonInstanceOption(c.Type[str]):
    """The host name of a Mastodon server (`fosstodon.org`), with or without `https://`."""

    def __init__(self) -> None:
        super().__init__(str, default=DEFAULT_MASTODON_INSTANCE)

    def run_validation(self, value: object) -> str:
        """Normalise the host; the default needs no check (nor the share module)."""
        text = super().run_validation(value)
        if text == DEFAULT_MASTODON_INSTANCE:
            return text
        from .share import normalize_instance

        try:
            return normalize_instance(text)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


class JekyllConfigOption(c.File):
    """The path of an existing file, relative to `mkdocs.yml`, with a hint when it is not."""

    def __init__(self) -> None:
        super().__init__(exists=True)

    def run_validation(self, value: object) -> str:
        """Resolve the path and say what belongs there when no file is found."""
        try:
            return super().run_validation(value)
        except ValidationError as exc:
            raise ValidationError(
                f"{exc} Give the path of the old Jekyll blog's _config.yml, relative to "
                "the folder of mkdocs.yml"
            ) from None


class PermalinkOption(c.Type[str]):
    """A Jekyll permalink: a style name (`date`, `pretty`, `ordinal`, `none`) or a pattern.

    The value is kept as its pattern, with style names expanded.
    """

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        """Expand a style name and refuse placeholders Jekyll does not know."""
        text = expand_style(super().run_validation(value))
        try:
            check_pattern(text)
        except PermalinkError as exc:
            raise ValidationError(str(exc)) from None
        return text


#: File names of a blog's feeds in its `blog_dir`, by format, where `feed_paths` does not
#: move them. Tag and category feeds always use these names, in their own folders.
DEFAULT_FEED_FILES: Mapping[str, str] = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}

# Web servers choose a file's Content-Type from its suffix (GitHub Pages, Netlify, nginx,
# `mkdocs serve`); a feed served as `text/html` or `application/octet-stream` is refused
# or downloaded by many readers.
_FEED_SUFFIXES: Mapping[str, tuple[str, ...]] = {
    "rss": (".xml", ".rss"),
    "atom": (".xml", ".atom"),
    "json": (".json",),
}
_FEED_LABELS: Mapping[str, str] = {"rss": "RSS feed", "atom": "Atom feed", "json": "JSON Feed"}
# Files MkDocs and its search plugin write after the plugins' files: a feed there would
# be overwritten without a word.
_WRITTEN_BY_MKDOCS: Mapping[str, str] = {
    "sitemap.xml": "MkDocs' sitemap",
    "search/search_index.json": "the search plugin's index",
}
_DRIVE_RE = re.compile(r"^[A-Za-z]:")


class FeedPath(c.Type[str]):
    """Where one feed is written: a file path relative to the site root (`blog/rss.xml`)."""

    def __init__(self, fmt: str) -> None:
        super().__init__(str)
        self.fmt = fmt

    def run_validation(self, value: object) -> str:
        """Refuse URLs, absolute paths, ways out of `site_dir`, folders and wrong suffixes."""
        text = super().run_validation(value)
        path = text.strip()
        example = f"like '{DEFAULT_FEED_FILES[self.fmt]}' or 'blog/{DEFAULT_FEED_FILES[self.fmt]}'"
        if not path:
            raise ValidationError(f"must be a file path relative to the site root, {example}")
        if "://" in path or path.startswith("//") or "?" in path or "#" in path:
            raise ValidationError(
                f"must be a file path inside the site, not a URL: {text!r}. Write it "
                f"relative to the site root, {example}; site_url is added to it"
            )
        if path.startswith("/") or "\\" in path or _DRIVE_RE.match(path):
            raise ValidationError(
                f"must be relative to the site root and written with '/', {example}, "
                f"not {text!r}"
            )
        parts = path.split("/")
        if ".." in parts:
            raise ValidationError(f"must stay inside site_dir: {text!r} goes up with '..'")
        if path.endswith("/"):
            raise ValidationError(f"names a folder, {text!r}: end it with a file name, {example}")
        if "" in parts or "." in parts:
            raise ValidationError(f"must be written without '//' or './', {example}, not {text!r}")
        suffixes = _FEED_SUFFIXES[self.fmt]
        if not path.lower().endswith(suffixes):
            wanted = " or ".join(f"'{s}'" for s in suffixes)
            raise ValidationError(
                f"must end in {wanted}, not {text!r}: servers give a file its Content-Type "
                "from its suffix, and feed readers refuse a feed served as anything else"
            )
        if path.lower() in _WRITTEN_BY_MKDOCS:
            raise ValidationError(
                f"'{path}' is where {_WRITTEN_BY_MKDOCS[path.lower()]} is written; choose "
                "another file name"
            )
        return path


class FeedPathsConfig(base.Config):
    """Where the blog's own feeds are written, by format; unset formats stay in `blog_dir`."""

    rss = c.Optional(FeedPath("rss"))
    """The RSS feed's path from the site root (`feed_rss_created.xml`)."""

    atom = c.Optional(FeedPath("atom"))
    """The Atom feed's path from the site root."""

    json = c.Optional(FeedPath("json"))
    """The JSON Feed's path from the site root."""


def feed_paths(options: BlogpostConfig) -> dict[str, str]:
    """Return the site path of each feed format the blog writes, in `feed_formats` order."""
    moved = options.feed_paths
    return {
        fmt: moved[fmt] or posixpath.join(options.blog_dir, DEFAULT_FEED_FILES[fmt])
        for fmt in dict.fromkeys(options.feed_formats)
    }


class FeedPathsOption(c.SubConfig[FeedPathsConfig]):
    """`feed_paths`: each format's path checked alone, then against the blog's other feeds."""

    def post_validation(self, config: base.Config, key_name: str) -> None:
        """Refuse two feeds in one file; warn about a path for a format that is not written."""
        assert isinstance(config, BlogpostConfig)
        moved = config.feed_paths
        for fmt in DEFAULT_FEED_FILES:
            if moved[fmt] and fmt not in config.feed_formats:
                self.warnings.append(
                    f"a path is set for '{fmt}', but '{fmt}' is not in feed_formats, so no "
                    f"{_FEED_LABELS[fmt]} is written to '{moved[fmt]}'"
                )
        seen: dict[str, str] = {}
        for fmt, path in feed_paths(config).items():
            # Compared without case: on macOS and Windows `Feed.xml` is `feed.xml`.
            other = seen.setdefault(path.casefold(), fmt)
            if other != fmt:
                unmoved = [f for f in (other, fmt) if not moved[f]]
                why = (
                    f" ('{unmoved[0]}' has no path of its own, so it stays in blog_dir)"
                    if unmoved
                    else ""
                )
                raise ValidationError(
                    f"the {_FEED_LABELS[other]} and the {_FEED_LABELS[fmt]} would both be "
                    f"written to '{path}'{why}. Give each format a path of its own"
                )


class SeverityOption(c.Choice):
    """How much one kind of problem in a post matters: `ignore`, `info`, `warn` or `error`."""

    def __init__(self, default: Severity) -> None:
        super().__init__(SEVERITIES, default=default)


class NamesFileOption(c.BaseConfigOption[list[str]]):
    """A YAML file of allowed names, relative to `mkdocs.yml`; its value is the names.

    The file is a list of names, or a mapping whose keys are the names (a value's `name`
    or `label` counts too), optionally under one top-level key such as `authors:`:
    Material's `.authors.yml` and Docusaurus' `tags.yml` can be used as they are.
    """

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.path = c.File(exists=True)

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        """Learn the folder of `mkdocs.yml`, which the path is relative to."""
        self.path.pre_validation(config, key_name)

    def run_validation(self, value: object) -> list[str]:
        """Read the file; refuse one that is missing, not YAML, or not names."""
        path = self.path.run_validation(value)
        import yaml

        try:
            with open(path, encoding="utf-8-sig") as fh:
                data = yaml.safe_load(fh)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ValidationError(f"cannot read {value!r}: {exc}") from None
        if isinstance(data, dict) and len(data) == 1:
            (only,) = data.values()
            if isinstance(only, dict | list):
                data = only
        names = _names_in(data)
        if names is None:
            raise ValidationError(
                f"{value!r} must be a YAML list of {self.kind}, or a mapping whose keys are "
                f"the {self.kind}"
            )
        return names


def _names_in(data: object) -> list[str] | None:
    """Return the names a names file lists, `None` when it is not a list or mapping of them."""
    if isinstance(data, list) and all(isinstance(i, str | int | float) for i in data):
        return [str(i) for i in data]
    if not isinstance(data, dict):
        return None
    names = [str(key) for key in data]
    for entry in data.values():
        if isinstance(entry, dict):
            names += [str(entry[k]) for k in ("name", "label") if entry.get(k)]
    return names


class SchemaConfig(base.Config):
    """What the site expects of each post's front matter, and how much each problem matters.

    Each problem has its own severity: `ignore` (not reported), `info`, `warn` (fails
    `mkdocs build --strict`) or `error` (stops `mkdocs build`, like `--strict` for that
    problem alone). Rules that need a list or a limit do nothing until it is given.
    """

    required = c.ListOfItems(c.Type(str), default=[])
    """Front matter keys every post must set to a value (`description`, `img`)."""

    missing_keys = SeverityOption("warn")
    """A key of `required` that a post does not set, or sets empty."""

    tags_allowed = c.ListOfItems(c.Type(str), default=[])
    """The tags posts may use (compared without case); with `tags_file`, both count."""

    tags_file = c.Optional(NamesFileOption("tags"))
    """A YAML file listing the tags posts may use, relative to `mkdocs.yml`."""

    unknown_tags = SeverityOption("warn")
    """A tag outside `tags_allowed` and `tags_file`, when either is given."""

    categories_allowed = c.ListOfItems(c.Type(str), default=[])
    """The categories posts may use; with `categories_file`, both count."""

    categories_file = c.Optional(NamesFileOption("categories"))
    """A YAML file listing the categories posts may use, relative to `mkdocs.yml`."""

    unknown_categories = SeverityOption("warn")
    """A category outside `categories_allowed` and `categories_file`, when either is given."""

    authors_allowed = c.ListOfItems(c.Type(str), default=[])
    """The authors posts may name; with `authors_file`, both count."""

    authors_file = c.Optional(NamesFileOption("authors"))
    """A YAML file of the authors posts may name, relative to `mkdocs.yml`: a list, or a
    mapping such as Material's `.authors.yml` (keys and `name:` both count)."""

    unknown_authors = SeverityOption("warn")
    """An author outside `authors_allowed` and `authors_file`, when either is given."""

    known_keys = c.ListOfItems(c.Type(str), default=[])
    """Front matter keys of the site's own, on top of those blogpost, MkDocs, Material and
    common plugins read."""

    unknown_keys = SeverityOption("ignore")
    """A front matter key nothing reads, most often a typo: the message names the closest
    known key ("did you mean 'tags'?")."""

    description_min = c.Optional(Count(default=None, minimum=1))
    """Fewest characters a `description` may have."""

    description_max = c.Optional(Count(default=None, minimum=1))
    """Most characters a `description` may have (search engines cut at about 160)."""

    description_length = SeverityOption("warn")
    """A `description` shorter than `description_min` or longer than `description_max`."""

    missing_cover = SeverityOption("warn")
    """An `img` or `image` cover whose file is not in the docs tree."""

    missing_alt_text = SeverityOption("ignore")
    """An image in a post without alt text (`![](x.png)`, `<img>` without `alt`)."""

    first_paragraph_words = Count(default=100, minimum=1)
    """Longest first paragraph, in words, that listings may show as a post's excerpt."""

    long_first_paragraph = SeverityOption("ignore")
    """A post with no `<!-- more -->`, `excerpt` or `description`, whose first paragraph
    (which listings then show) is over `first_paragraph_words`."""

    duplicate_titles = SeverityOption("ignore")
    """Two posts with the same title (compared without case)."""

    future_dates = SeverityOption("info")
    """A post dated in the future (held back until then, unless `future: true`)."""


class SchemaOption(c.SubConfig[SchemaConfig]):
    """`schema`: each rule checked alone, then the description limits against each other."""

    def post_validation(self, config: base.Config, key_name: str) -> None:
        """Refuse a `description_min` over `description_max`."""
        assert isinstance(config, BlogpostConfig)
        rules = config.schema
        low, high = rules.description_min, rules.description_max
        if low is not None and high is not None and low > high:
            raise ValidationError(
                f"Sub-option 'description_min' ({low}) is over 'description_max' ({high}); "
                "no description could pass both"
            )


class BlogpostConfig(base.Config):
    """Options of the `blogpost` plugin, all optional."""

    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off (for example from an environment variable)."""

    posts_dir = DocsFolder(default="blog/posts")
    """Folder, relative to `docs_dir`, holding the posts (nested folders included)."""

    blog_dir = DocsFolder(default="blog")
    """Folder, relative to `docs_dir`, that the generated blog pages live under."""

    blog_title = c.Optional(c.Type(str))
    """Name of the blog: the title of its index page and nav entry, and part of its feeds'
    title when the site has several blogs. By default "Blog" in the site's language; in a
    site with several blogs, the name of each one's `blog_dir` (`changelog`: "Changelog").

    A `title:` that a nav plugin gives the blog's folder (awesome-nav's `.nav.yml`,
    awesome-pages' `.pages`) names the nav entry instead, as a title in `nav:` names any
    page; when this option is not set, it names the blog's index pages too."""

    post_url_format = c.Type(str, default="{blog_dir}/{yyyy}/{mm}/{dd}/{slug}/")
    """URL of a post. Placeholders: `{blog_dir}`, `{yyyy}`, `{mm}`, `{dd}`, `{slug}`,
    `{categories}`, `{file}`. By default each blog's posts live under its own `blog_dir`.

    A trailing `/` gives a folder URL; with `use_directory_urls: false` it becomes `.html`.
    """

    cover_dir = DocsFolder(default="assets/img")
    """Folder, relative to `docs_dir`, that `img:` cover names are resolved under."""

    timezone = TimezoneOption(default="UTC")
    """IANA time zone given to post dates written without one (`Europe/Berlin`)."""

    language = c.Optional(c.Type(str))
    """Language of the words the plugin shows; by default the theme's language, else English.
    With mkdocs-static-i18n, each language's build uses its own language."""

    fallback_to_default = c.Type(bool, default=True)
    """With mkdocs-static-i18n: a post without a translation is shown in the other
    languages' listings and feeds (marked as not translated), as i18n shows untranslated
    pages. Off, each language lists only its own posts."""

    date_format = c.Type(str, default="long")
    """Babel date format for shown dates: `short`, `medium`, `long`, `full` or a pattern."""

    read_time = c.Type(bool, default=True)
    """Show the reading time on posts that do not set `read_time:` themselves."""

    show_date = c.Type(bool, default=True)
    """Show the date on posts that do not set `show_date:` themselves."""

    words_per_minute = c.Optional(Count(default=None, minimum=1))
    """Reading speed for the reading time, in every language; unset, each post's language's
    own (200 in English, the Jekyll theme's figure; see `i18n.READING_SPEED`)."""

    cjk_characters_per_minute = c.Optional(Count(default=None, minimum=1))
    """Reading speed for Chinese, Japanese and Korean text, which is counted by character;
    unset, the post's language's own (400 in English)."""

    drafts_on_serve = c.Type(bool, default=True)
    """Show drafts (with a badge) under `mkdocs serve`; they never appear in `mkdocs build`."""

    future = c.Type(bool, default=False)
    """Publish posts dated in the future. Off, like Jekyll: they are held back until their date."""

    header = c.Type(bool, default=True)
    """Add the post header (title, date, reading time, authors, cover, tags) to each post."""

    # --- feeds, metadata, redirects ---

    feeds = c.Type(bool, default=True)
    """Write the blog's feeds (`blog/feed.xml`, `blog/atom.xml`, `blog/feed.json`, unless
    `feed_paths` moves them).

    Feeds need absolute links, so they are skipped (with a warning) without `site_url`.
    """

    feed_formats = c.ListOfItems(c.Choice(("rss", "atom", "json")), default=["rss", "atom", "json"])
    """Feed formats to write: `rss` (RSS 2.0), `atom` (Atom 1.0), `json` (JSON Feed 1.1)."""

    feed_paths = FeedPathsOption()
    """Where the blog's feeds are written, by format, relative to the site root:
    `{rss: feed_rss_created.xml}` keeps the address mkdocs-rss-plugin gave its feed.
    A format left out stays in `blog_dir`. Tag and category feeds keep their folders.
    Head links and the feeds' own `self` links follow."""

    feed_length = Count(default=20, minimum=0, meaning=" (all posts)")
    """Number of newest posts in each feed; `0` puts every post in."""

    feed_full_content = c.Type(bool, default=True)
    """Put each post's whole text in the feeds; off, only its excerpt."""

    feed_title = c.Optional(c.Type(str))
    """Title of the feeds; by default the `site_name`."""

    feed_tags = c.Type(bool, default=False)
    """Also write a feed per tag, at `<blog_dir>/<tags_dir>/<slug>/feed.xml` (and the other
    formats)."""

    feed_categories = c.Type(bool, default=False)
    """Also write a feed per category, at `<blog_dir>/<categories_dir>/<slug>/feed.xml`
    (and the other formats)."""

    feed_build_date = c.Type(bool, default=False)
    """Stamp feeds with the build's clock time. Off, the newest post's date is used, so the
    same sources always give byte-identical feeds."""

    meta_tags = c.Type(bool, default=True)
    """Add OpenGraph, Twitter card, JSON-LD, canonical and feed links to blog pages' heads."""

    twitter_site = c.Optional(c.Type(str))
    """The site's handle on X/Twitter (`@example`), for the `twitter:site` card tag."""

    redirects = c.Type(bool, default=True)
    """Write redirect pages for the old URLs listed in posts' `redirect_from`."""

    # --- migrating from Jekyll: the old site's settings and URLs ---

    jekyll_config = c.Optional(JekyllConfigOption())
    """The old Jekyll blog's `_config.yml`, relative to `mkdocs.yml`. Its values fill
    `{{ site.title }}` and the like in posts, and its `permalink` gives posts' old URLs."""

    permalink = PermalinkOption(default="/:title:output_ext")
    """The permalink the old Jekyll blog used, when `jekyll_config` does not set one: a
    style (`date`, `pretty`, `ordinal`, `weekdate`, `none`) or a pattern such as
    `/:categories/:year/:month/:day/:title:output_ext`. A post's own `permalink:` wins."""

    permalink_redirects = c.Type(bool, default=True)
    """Write a redirect page at each post's old Jekyll URL (from `permalink`), so old links
    keep working. A page of the site at that URL is never replaced."""

    unprefixed_posts = c.Choice(("skip", "include"), default="skip")
    """What to do with a file in `posts_dir` that has neither a `YYYY-MM-DD-` name nor a
    `date:`: `skip` it with a warning, as Jekyll would not publish it, or `include` it as a
    plain page outside the blog."""

    # --- tweets and captions ---

    twitter_via = c.Optional(XHandleOption())
    """The site's X (Twitter) handle, with or without `@`, added as `via` to share links."""

    tweet_label = c.Optional(c.Type(str))
    """Text of the X share link under each `<tweet>` quote; by default "Click to tweet"."""

    share_targets = c.ListOfItems(
        c.Choice(("x", "mastodon", "bluesky", "linkedin", "copy")), default=["x"]
    )
    """Share links under each quote, in order: `x`, `mastodon`, `bluesky`, `linkedin`, and `copy`
    (a permanent link to the quote). An empty list shows none."""

    mastodon_instance = MastodonInstanceOption()
    """Mastodon server whose share page the `mastodon` share link opens."""

    tweet_max_length = Count(default=280, minimum=1)
    """Characters X allows in a post; a quote longer than this with its link gives a warning."""

    tweets_everywhere = c.Type(bool, default=False)
    """Turn `<tweet>` quotes and `<small>` image captions into styled blocks on every page of the
    site, not only in blog posts."""

    tweet_color = c.Choice(("theme", "x"), default="theme")
    """Colour of `<tweet>` quotes: `theme` (the quote mark and share buttons in the theme's
    accent and link colours) or `x` (X's blue, as the Jekyll theme showed them)."""

    caption_style = c.Choice(("figure", "admonition"), default="figure")
    """Look of `<small>` image captions: `figure` (a quiet line centred under the image, as
    wide as the image, as the Jekyll theme showed it) or `admonition` (a slim caption box
    under the image). Both are a `<figure>` with a `<figcaption>`."""

    # --- blog pages ---

    posts_per_page = Count(default=6, minimum=1)
    """Posts on each page of the blog index, and of the tag, category and author pages when
    `term_cards` is on."""

    term_page_size = Count(default=50, minimum=1)
    """Posts on each page of a tag, category or author listing, which lists title, date and
    reading time of each post: a term's posts up to this many share one page."""

    term_cards = c.Type(bool, default=False)
    """Show full cards (excerpt, cover, tags), `posts_per_page` to a page, on tag, category
    and author pages, as on the blog index. It costs more: more pages, each heavier to build."""

    pagination_dir = SubFolder(default="page")
    """Folder of pages 2, 3... of a listing: `blog/page/2/`, `blog/tags/ci/page/2/`."""

    tags_dir = SubFolder(default="tags")
    """Folder, under `blog_dir`, of the tag index and the tag pages (`blog/tags/<tag>/`)."""

    categories_dir = SubFolder(default="category")
    """Folder, under `blog_dir`, of the category pages (`blog/category/<category>/`)."""

    archive_dir = SubFolder(default="archive")
    """Folder, under `blog_dir`, of the archive and its year pages (`blog/archive/2024/`)."""

    authors_dir = SubFolder(default="author")
    """Folder, under `blog_dir`, of the author pages (`blog/author/<author>/`)."""

    authors_file = AuthorsFileOption()
    """The blog's authors, relative to `docs_dir`: Material for MkDocs' `.authors.yml` as it
    is (`authors: {id: {name, description, avatar, url}}`). A post's `author: id` shows the
    author's name, their avatar in the post header, their bio and page on their author page,
    and their page in the post's JSON-LD. A name the file does not know stays as written.
    By default `{blog_dir}/.authors.yml`, read when it exists."""

    related_posts = Count(default=3, minimum=0)
    """Related posts (most shared tags, then most recent) listed under each post; 0 for none."""

    post_navigation = c.Type(bool, default=True)
    """Add previous/next post links and related posts at the end of each post."""

    blog_pages = c.Type(bool, default=True)
    """Generate the blog index, tag, category, author and archive pages."""

    # --- posts and docs pages ---

    docs_related_posts = c.Choice(("top", "bottom", "off"), default="bottom")
    """Where a docs page shows the blog's published posts about it, newest first, in a
    "Related posts" box: under its title (`top`), at its end (`bottom`), or nowhere
    (`off`). A post is about the pages its `docs:` front matter names, and (with
    `docs_backlinks`) about the pages that link to it."""

    docs_backlinks = c.Type(bool, default=True)
    """Count a docs page's Markdown link to a post as a relation between them: the post's
    "Related documentation" box lists the page, and the page's "Related posts" box lists
    the post. Off, only `docs:` front matter relates them."""

    # --- checking posts ---

    schema = SchemaOption()
    """What the site expects of posts' front matter, and the severity of each problem
    (`ignore`, `info`, `warn`, `error`); `mkdocs-blogpost check` reports the same problems.
    See `SchemaConfig` and the README."""
