"""What blogpost adapts to when a site runs other plugins that overlap with it.

Each function reads the site's plugins as `on_config` sees them, by the class that
provides them, so the name a site gives an entry (`material/tags`, `tags`) does not
matter.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

from .config import feed_paths
from .urls import folders_overlap

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .config import BlogpostConfig

__all__ = ["check_material_blog", "check_rss_plugin", "material_tags_on_pages"]


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
