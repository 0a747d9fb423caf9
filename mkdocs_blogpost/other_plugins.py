"""What blogpost adapts to when a site runs other plugins that overlap with it.

Each function reads the site's plugins as `on_config` sees them, by the class that
provides them, so the name a site gives an entry (`material/tags`, `tags`) does not
matter.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

from .config import feed_paths
from .urls import folders_overlap

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

    from .config import BlogpostConfig
    from .redirects import Redirect

__all__ = [
    "Lightbox",
    "MacrosPages",
    "awesome_nav_file",
    "check_material_blog",
    "check_rss_plugin",
    "lightbox",
    "literate_nav_file",
    "macros_pages",
    "material_tags_on_pages",
    "offer_redirect_targets",
    "report_redirect_map_clashes",
]


def _enabled(config: MkDocsConfig, module: str) -> list[tuple[str, Any]]:
    """Return the site's enabled plugins whose class comes from `module`, by entry name."""
    found = []
    for name, plugin in config.plugins.items():
        if type(plugin).__module__.startswith(module):
            options = getattr(plugin, "config", None)
            if options is None or options.get("enabled", True):
                found.append((name, plugin))
    return found


def material_tags_on_pages(config: MkDocsConfig) -> bool:
    """Tell whether Material's `tags` plugin shows each page's tags above its title.

    A post's header then leaves its tags out: one set of tags, Material's, which link
    to its tags index.
    """
    if config.theme.name != "material":
        return False
    tags = _enabled(config, "material.plugins.tags")
    return any(plugin.config.get("tags", True) for _, plugin in tags)


def check_material_blog(config: MkDocsConfig, options: BlogpostConfig) -> None:
    """Refuse to share posts with Material's `blog` plugin, which reads them otherwise.

    Raises:
        PluginError: Material's blog reads posts from a folder that overlaps ours.
    """
    for name, plugin in _enabled(config, "material.plugins.blog"):
        blog_dir = posixpath.normpath(str(plugin.config.get("blog_dir", "blog")))
        theirs = str(plugin.config.get("post_dir", "{blog}/posts")).format(blog=blog_dir)
        theirs = posixpath.normpath(theirs).strip("/").removeprefix(".")
        if folders_overlap(options.posts_dir, theirs):
            raise PluginError(
                f"blogpost: the plugins 'blogpost' and '{name}' (Material's blog) both "
                f"read the posts in '{theirs or options.posts_dir}': posts_dir "
                f"'{options.posts_dir}' overlaps its post_dir. Keep one of the two plugins "
                f"for this folder, or give blogpost another posts_dir"
            )


class MacrosPages:
    """Which posts mkdocs-macros renders as Jinja, and how to keep text away from it.

    macros renders every page after its `on_page_markdown`; blogpost converts a post's
    Liquid first (its handler runs at a higher priority), so what is left for macros is
    text the post means literally (code, `{% raw %}` blocks) and its own Jinja.

    Args:
        plugin: The site's enabled `macros` plugin.
    """

    def __init__(self, plugin: Any):
        self._plugin = plugin
        self._by_default = bool(plugin.config.get("render_by_default", True))
        # macros makes its Jinja environment in its `on_config`, from its `j2_*` options.
        env = getattr(plugin, "env", None)
        block = (getattr(env, "block_start_string", "{%"), getattr(env, "block_end_string", "%}"))
        variable = (
            getattr(env, "variable_start_string", "{{"),
            getattr(env, "variable_end_string", "}}"),
        )
        self.starts = (variable[0], block[0], getattr(env, "comment_start_string", "{#"))
        self._open = f"{block[0]} raw {block[1]}"
        self._close = f"{block[0]} endraw {block[1]}"
        self._variable = variable
        self._endraw = re.compile(
            re.escape(block[0]) + r"[-+]?\s*endraw\s*[-+]?" + re.escape(block[1])
        )

    def renders(self, src_path: str, meta: dict[str, Any]) -> bool:
        """Tell whether macros renders the page of `src_path` with this front matter."""
        wanted = meta.get("render_macros")
        if wanted is False:
            return False
        if self._by_default or wanted is True:
            return True
        force = getattr(self._plugin, "force_page_rendering", None)
        return bool(force(src_path)) if callable(force) else False

    def literal(self, text: str) -> str:
        """Return `text` so that macros prints it as it is (unchanged when it has no Jinja)."""
        if not any(start in text for start in self.starts):
            return text
        # A Jinja raw block ends at the first `endraw`: print such a marker as a string.
        pieces = []
        pos = 0
        for match in self._endraw.finditer(text):
            pieces.append(self._open + text[pos : match.start()] + self._close)
            pieces.append(f"{self._variable[0]} {match.group(0)!r} {self._variable[1]}")
            pos = match.end()
        pieces.append(self._open + text[pos:] + self._close)
        return "".join(pieces)


def macros_pages(config: MkDocsConfig) -> MacrosPages | None:
    """Return how mkdocs-macros treats posts, `None` when the site does not run it."""
    found = _enabled(config, "mkdocs_macros")
    return MacrosPages(found[0][1]) if found else None


@dataclass(frozen=True)
class Lightbox:
    """How mkdocs-glightbox links a site's images, for the one it never sees: the cover.

    glightbox wraps the `<img>` tags of a page's content; the post header with the
    cover is added after it ran. `cover_link` gives the cover the link glightbox would
    have written, under the same rules.

    Attributes:
        width: Its `width` option (`auto`, `100vw`...).
        height: Its `height` option.
        caption_position: Its `caption_position` option (`bottom`, `top`...).
        auto_caption: Its `auto_caption` option: the image's alt text is the slide's title.
        manual: Its `manual` option: only images a page asks for open in the lightbox.
        href: Links carry the image's URL; with Material's `privacy` plugin glightbox's
            script takes it from the image instead, once the plugin has rewritten it.
    """

    width: str = "auto"
    height: str = "auto"
    caption_position: str = "bottom"
    auto_caption: bool = False
    manual: bool = False
    href: bool = True

    def cover_link(self, src: str, alt: str, meta: Mapping[str, Any]) -> dict[str, str] | None:
        """Return the attributes of the lightbox link around a post's cover, or `None`.

        Args:
            src: The cover's URL, as its `<img>` has it.
            alt: The cover's alt text.
            meta: The post page's metadata (`glightbox: false` turns the lightbox off
                for the page; `glightbox-manual` and `glightbox.auto_caption` as glightbox
                reads them).
        """
        if "glightbox" in meta and meta.get("glightbox", True) is False:
            return None
        # A cover has no class to ask for the lightbox with (`on-glb`): in manual mode
        # only a page that turns the lightbox on with `glightbox: true` gets it.
        manual = meta.get("glightbox-manual", False) or self.manual
        if manual and not (self.manual and meta.get("glightbox", None) is True):
            return None
        attrs = {
            "class": "glightbox",
            "data-type": "image",
            "data-width": self.width,
            "data-height": self.height,
        }
        if self.href:
            attrs["href"] = src
        if (self.auto_caption or meta.get("glightbox.auto_caption", False)) and alt:
            attrs["data-title"] = alt
        attrs["data-desc-position"] = self.caption_position
        return attrs


def lightbox(config: MkDocsConfig) -> Lightbox | None:
    """Return how mkdocs-glightbox links images, or `None` when the site does not use it."""
    found = _enabled(config, "mkdocs_glightbox")
    if not found:
        return None
    options = found[0][1].config
    # glightbox's own test, by entry name: its script fills in the links' URLs only then.
    entry = config.plugins.get("material/privacy")
    privacy = config.theme.name == "material" and bool(
        entry is not None and getattr(entry, "config", {}).get("enabled", True)
    )
    return Lightbox(
        width=str(options.get("width", "auto")),
        height=str(options.get("height", "auto")),
        caption_position=str(options.get("caption_position", "bottom")),
        auto_caption=bool(options.get("auto_caption", False)),
        manual=bool(options.get("manual", False)),
        href=not privacy,
    )


def check_rss_plugin(config: MkDocsConfig, options: BlogpostConfig) -> None:
    """Refuse a feed of ours where mkdocs-rss-plugin writes one of its own.

    It writes its feeds into `site_dir` after the build, over whatever is there, so our
    feed would be silently replaced.

    Raises:
        PluginError: One of our feeds has the path of one of its feeds.
    """
    if not options.feeds:
        return
    for name, plugin in _enabled(config, "mkdocs_rss_plugin"):
        names = plugin.config.get("feeds_filenames") or {}
        theirs = {
            str(names.get(key, "")).strip("/").casefold(): key
            for key, enabled in (
                ("rss_created", plugin.config.get("rss_feed_enabled", True)),
                ("rss_updated", plugin.config.get("rss_feed_enabled", True)),
                ("json_created", plugin.config.get("json_feed_enabled", True)),
                ("json_updated", plugin.config.get("json_feed_enabled", True)),
            )
            if enabled and names.get(key)
        }
        for fmt, path in feed_paths(options).items():
            if path.casefold() in theirs:
                raise PluginError(
                    f"blogpost: the {fmt} feed's path '{path}' (option 'feed_paths') is "
                    f"where the plugin '{name}' (mkdocs-rss-plugin) writes its "
                    f"{theirs[path.casefold()]} feed, over ours. To serve blogpost's feed at "
                    f"that address, remove '{name}' from plugins; to keep both, give one of "
                    "them another file name"
                )


def offer_redirect_targets(config: MkDocsConfig, pages: Iterable[File]) -> None:
    """Let mkdocs-redirects' `redirect_maps` lead to the blog's generated pages.

    It lists the pages a map may point to in its `on_files`, before the blog adds its
    listing pages (blogpost's `on_files` runs late, to see other plugins' files), and
    warns that a map to `blog/tags/index.md` leads nowhere.
    """
    for _, plugin in _enabled(config, "mkdocs_redirects"):
        known = getattr(plugin, "doc_pages", None)
        if isinstance(known, dict):
            for file in pages:
                known.setdefault(file.src_uri, file)


def report_redirect_map_clashes(config: MkDocsConfig, redirects: Iterable[Redirect]) -> None:
    """Warn about a post's old URL that a `redirect_maps` entry of mkdocs-redirects takes.

    mkdocs-redirects writes its pages after the build, over the page blogpost wrote
    there, so the reader would be sent where the map says, silently.
    """
    found = _enabled(config, "mkdocs_redirects")
    if not found:
        return
    from mkdocs.structure.files import File

    from .posts import warn

    ours = {r.dest_uri: r for r in redirects}
    for name, plugin in found:
        maps = plugin.config.get("redirect_maps") or {}
        for old, new in maps.items():
            dest = File(str(old), "", "", use_directory_urls=config.use_directory_urls).dest_uri
            clash = ours.get(dest)
            if clash is None:
                continue
            post = clash.post
            warn(
                post.src_uri,
                f"the old URL '{clash.source}' of this post is also the key '{old}' of "
                f"'{name}' redirect_maps (to '{new}'): mkdocs-redirects writes its page "
                f"there after the build, over the one to this post. Remove one of the two",
                post.line_of("redirect_from"),
            )


def awesome_nav_file(config: MkDocsConfig) -> str | None:
    """Return the name of awesome-nav's nav files (`.nav.yml`), `None` without awesome-nav."""
    for _, plugin in _enabled(config, "mkdocs_awesome_nav"):
        return str(plugin.config.get("filename") or ".nav.yml")
    return None


def literate_nav_file(config: MkDocsConfig) -> str | None:
    """Return the name of literate-nav's nav files (`SUMMARY.md`), `None` without it."""
    for _, plugin in _enabled(config, "mkdocs_literate_nav"):
        return str(plugin.config.get("nav_file") or "SUMMARY.md")
    return None
