"""A site without posts does not load the post machinery (issue 7).

Each check runs in a fresh interpreter: this test process has long imported everything.
Module lists are compared, never times, so the tests do not depend on machine load.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Modules only sites with posts (or `<tweet>` quotes) need.
HEAVY = [
    "nh3",
    "mkdocs_blogpost.transforms",
    "mkdocs_blogpost.migrate",
    "mkdocs_blogpost.jekyll_links",
    "mkdocs_blogpost.share",
    "mkdocs_blogpost.switches",
    "mkdocs_blogpost.text",
    "mkdocs_blogpost.frontmatter",
    "mkdocs_blogpost.models",
]

#: Builds the site at argv[1] (strict), then prints the loaded modules and extensions.
BUILD_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(config_file=sys.argv[1], strict=True)
    cfg.plugins.on_startup(command="build", dirty=False)
    build(cfg)
    extensions = [type(e).__name__ for e in cfg.markdown_extensions if not isinstance(e, str)]
    print(json.dumps({"modules": sorted(sys.modules), "extensions": extensions}))
    """
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def _run(args: list[str]) -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=_env(), check=False
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _site(root: Path, posts: dict[str, str], extra: str = "") -> Path:
    docs = root / "docs"
    (docs / "blog" / "posts").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    for name, text in posts.items():
        (docs / "blog" / "posts" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Startup\n"
        "site_url: https://example.org/\n"
        f"docs_dir: {docs}\n"
        f"site_dir: {root / 'site'}\n"
        "theme:\n  name: material\n"
        "plugins:\n  - search\n  - blogpost\n" + extra,
        encoding="utf-8",
    )
    return config


def test_importing_the_plugin_loads_no_post_machinery() -> None:
    script = "import json, sys, mkdocs_blogpost.plugin; print(json.dumps({'modules': sorted(sys.modules)}))"
    modules = set(_run(["-c", script])["modules"])
    assert "mkdocs_blogpost.plugin" in modules
    assert [m for m in HEAVY if m in modules] == []
    # The listing and feed modules wait for `on_config`/`on_files` too.
    for name in ("syndication", "views", "pages", "posts", "feeds", "seo"):
        assert f"mkdocs_blogpost.{name}" not in modules


def test_site_without_posts_builds_without_post_machinery(tmp_path: Path) -> None:
    config = _site(tmp_path, {})
    result = _run(["-c", BUILD_SCRIPT, str(config)])
    modules = set(result["modules"])
    assert "mkdocs_blogpost.plugin" in modules
    assert [m for m in HEAVY if m in modules] == []
    # Only sites with posts get the link rewriter of posts.
    assert "JekyllLinksExtension" not in result["extensions"]
    assert "MalformedUrlExtension" in result["extensions"]
    # Nothing the site shows is lost: the blog index says so, the feeds and CSS are there.
    site = tmp_path / "site"
    assert "No posts yet." in (site / "blog" / "index.html").read_text(encoding="utf-8")
    for feed in ("feed.xml", "atom.xml", "feed.json"):
        assert (site / "blog" / feed).is_file()
    assert (site / "assets" / "blogpost" / "blogpost.css").is_file()


def test_site_with_a_post_loads_what_it_needs(tmp_path: Path) -> None:
    # The other side of the check above: the same script sees the modules when used.
    post = """\
        ---
        title: First light
        ---
        Hello. <tweet>Docs are a product too.</tweet>
        """
    config = _site(tmp_path, {"2024-05-01-first-light.md": post})
    result = _run(["-c", BUILD_SCRIPT, str(config)])
    modules = set(result["modules"])
    assert [m for m in HEAVY if m not in modules] == ["mkdocs_blogpost.switches"]
    assert result["extensions"].count("JekyllLinksExtension") == 1
    pages = [p for p in (tmp_path / "site" / "blog").rglob("*.html") if "first-light" in str(p)]
    assert len(pages) == 1
    html = pages[0].read_text(encoding="utf-8")
    assert "Docs are a product too." in html
    assert "<tweet>" not in html
