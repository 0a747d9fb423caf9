"""What blogpost adapts to when a site runs other plugins that overlap with it.

Each function reads the site's plugins as `on_config` sees them, by the class that
provides them, so the name a site gives an entry (`material/tags`, `tags`) does not
matter.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

from .urls import folders_overlap

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .config import BlogpostConfig

__all__ = ["MacrosPages", "check_material_blog", "macros_pages", "material_tags_on_pages"]


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
