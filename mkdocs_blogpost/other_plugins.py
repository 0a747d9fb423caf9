"""What blogpost adapts to when a site runs other plugins that overlap with it.

Each function reads the site's plugins as `on_config` sees them, by the class that
provides them, so the name a site gives an entry (`material/tags`, `tags`) does not
matter.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

from .urls import folders_overlap

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .config import BlogpostConfig

__all__ = [
    "awesome_nav_file",
    "check_material_blog",
    "literate_nav_file",
    "material_tags_on_pages",
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
