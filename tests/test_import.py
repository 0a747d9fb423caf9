"""`mkdocs-blogpost import`: a Jekyll site copied into an MkDocs site, then built for real."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from support.build import PNG, Site, run_build, write_tree
from support.jekyll_fixture import FIXTURE, copy_by_hand

from mkdocs_blogpost.cli import main
from mkdocs_blogpost.import_settings import (
    JEKYLL_CONFIG_COPY,
    plugin_supports,
    translate_settings,
)
from mkdocs_blogpost.importer import mark_draft

SCRIPT = Path(sys.executable).parent / "mkdocs-blogpost"

# A Jekyll site with what real repositories carry besides posts, in our own words.
HOSTILE = {
    "_config.yml": """
        title: Field notes
        description: Notes from the field team.
        url: https://notes.example.net
        baseurl: /team
        timezone: Europe/Berlin
        paginate: 4
        words_per_minute: 180
        twitter:
          username: fieldteam
        lang: de-DE
    """,
    "_posts/2024-03-09-first-light.md": """
        ---
        title: First light
        tags: [field]
        ---

        The first note, with a [link to the second](./2024-3-7-short-dates.html).
        ![A photo that was never committed](img/lost.png)
    """,
    # One-digit month and day: Jekyll accepts them.
    "_posts/2024-3-7-short-dates.md": """
        ---
        title: Short dates
        ---

        Written quickly.

        {% include signup-box.html %}
    """,
    "_posts/notes-to-self.md": "Not a post: no date in the name.\n",
    "_posts/.DS_Store": b"\x00\x01junk",
    "_posts/untitled.md": "scratch\n",
    "_drafts/half-finished.md": """
        ---
        layout: post
        title: Half finished
        ---

        Still thinking about {{ page.title }} here.
    """,
    "_drafts/no-front-matter.md": "Just an idea.\n",
    "assets/img/dot.png": PNG,
    "assets/.DS_Store": b"\x00junk",
    "talks.md": "# Talks\n\nSee the list:\n\n{% include talks.html %}\n",
    "index.html": "---\nlayout: home\n---\n",
    "README.md": "# The repository of our blog\n",
    "Gemfile": "source 'https://rubygems.org'\n",
    "_site/index.html": "<p>built</p>\n",
    "_layouts/post.html": "{{ content }}\n",
    "node_modules/pkg/index.js": "module.exports = 1;\n",
    ".DS_Store": b"\x00junk",
}


def tree_hash(root: Path) -> str:
    """One hash of every path and byte under `root` (missing folder: a fixed value)."""
    digest = hashlib.sha256()
    if not root.exists():
        return "absent"
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_main(*args: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main([str(a) for a in args], out=out)
    return code, out.getvalue()


def hostile_site(tmp_path: Path) -> Path:
    jekyll = tmp_path / "jekyll"
    write_tree(jekyll, HOSTILE)
    return jekyll


def build(site_dir: Path, *, strict: bool = True, **kw: object) -> Site:
    cfg = load_config(
        config_file=str(site_dir / "mkdocs.yml"), strict=strict, site_dir=str(site_dir / "site")
    )
    return run_build(site_dir, cfg, **kw)


def post_pages(site: Site) -> list[str]:
    return [f for f in site.html_files() if f.startswith("blog/")]


def test_console_script_imports_the_fixture_and_the_site_builds_like_a_hand_copy(
    tmp_path: Path,
) -> None:
    jekyll = tmp_path / "jekyll"
    shutil.copytree(FIXTURE, jekyll)
    site_dir = tmp_path / "site"
    result = subprocess.run(
        [str(SCRIPT), "import", str(jekyll), "--site", str(site_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    # The plugin reads the fixture's `_config.yml` (`jekyll_config`): nothing to report.
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    report = result.stdout
    assert "posts:   13 copied to docs/blog/posts/ (13 published by mkdocs build)" in report
    assert "assets:  27 copied to docs/assets/" in report
    assert "about.md -> docs/about.md" in report
    assert "links rewritten:        39" in report
    assert "permalink '/:title.html'" not in report  # carried over, not a problem

    config = yaml.safe_load((site_dir / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Lighthouse Engineering"
    assert config["site_url"] == "https://lighthouse.example.com/"
    assert config["theme"]["name"] == "material"
    assert (site_dir / "jekyll-config.yml").read_bytes() == (jekyll / "_config.yml").read_bytes()
    for rel in ("_posts/2022/2022-03-21-lists-and-code.md", "about.md"):
        copy = site_dir / "docs" / rel.replace("_posts", "blog/posts")
        assert copy.read_bytes() == (jekyll / rel).read_bytes()

    imported = build(site_dir)
    assert imported.warnings == []

    # The same blog copied by hand as the README's manual route says, same mkdocs.yml.
    by_hand = tmp_path / "by-hand"
    copy_by_hand(by_hand / "docs")
    shutil.copy(site_dir / "docs" / "index.md", by_hand / "docs" / "index.md")
    shutil.copy(site_dir / "mkdocs.yml", by_hand / "mkdocs.yml")
    shutil.copy(site_dir / "jekyll-config.yml", by_hand / "jekyll-config.yml")
    manual = build(by_hand)
    assert post_pages(imported) == post_pages(manual)
    assert len([p for p in post_pages(imported) if p.startswith("blog/20")]) == 13
    urls = sorted(p.url for p in imported.config.plugins["blogpost"].posts.values())
    assert urls == sorted(p.url for p in manual.config.plugins["blogpost"].posts.values())
    assert len(urls) == 13


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_blogpost", "import", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "is not a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_hostile_site_copies_content_and_reports_the_rest(tmp_path: Path) -> None:
    jekyll = hostile_site(tmp_path)
    site_dir = tmp_path / "site"
    code, report = run_main("import", jekyll, "--site", site_dir)
    assert code == 1, report
    docs = site_dir / "docs"
    posts = docs / "blog" / "posts"
    assert sorted(p.relative_to(posts).as_posix() for p in posts.rglob("*") if p.is_file()) == [
        "2024-03-09-first-light.md",
        "2024-3-7-short-dates.md",
        "drafts/half-finished.md",
        "drafts/no-front-matter.md",
    ]
    assert (docs / "assets" / "img" / "dot.png").read_bytes() == PNG
    assert not (docs / "assets" / ".DS_Store").exists()
    assert (docs / "talks.md").exists()
    for absent in ("index.html", "README.md", "Gemfile", "_site", "node_modules", ".DS_Store"):
        assert not (docs / absent).exists(), absent
        assert not (site_dir / absent).exists(), absent

    # Each skipped path is named with its reason.
    assert "_posts/notes-to-self.md: not a post" in report
    assert "_posts/untitled.md: an editor or system leftover" in report
    assert "_site/: Jekyll's build output" in report
    assert "node_modules/: installed packages" in report
    assert "README.md: a theme or repository file" in report
    # What cannot be converted: Jekyll paths and the author's line numbers.
    assert "_posts/2024-3-7-short-dates.md:7: '{% include signup-box.html %}'" in report
    assert "_drafts/half-finished.md:6: '{{ page.title }}'" in report
    assert "talks.md:5: '{% include talks.html %}'" in report
    # A missing image is named at the author's line, with the paths it was looked for at.
    assert "_posts/2024-03-09-first-light.md:7: the image 'img/lost.png' points to no file" in report
    # No copied file is named by its docs path.
    assert "blog/posts/20" not in report.split("Cannot convert")[1]
    assert "blog/posts/drafts" not in report.split("Cannot convert")[1]

    # Settings from _config.yml.
    config = yaml.safe_load((site_dir / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == "https://notes.example.net/team/"
    assert config["site_description"] == "Notes from the field team."
    assert config["theme"]["language"] == "de"
    options = next(p["blogpost"] for p in config["plugins"] if isinstance(p, dict))
    assert options["timezone"] == "Europe/Berlin"
    assert options["posts_per_page"] == 4
    assert options["words_per_minute"] == 180
    assert options["twitter_via"] == "@fieldteam"
    assert options["language"] == "de_DE"

    # The site builds with no edits; drafts stay out of `mkdocs build`.
    site = build(site_dir, strict=False)
    assert site.exists("blog/2024/03/09/first-light/index.html")
    assert site.exists("blog/2024/03/07/short-dates/index.html")
    assert not [f for f in site.html_files() if "half-finished" in f or "no-front-matter" in f]
    assert [w for w in site.warnings if "signup-box" in w]


def test_drafts_change_by_one_line_only(tmp_path: Path) -> None:
    jekyll = hostile_site(tmp_path)
    site_dir = tmp_path / "site"
    run_main("import", jekyll, "--site", site_dir)
    drafts = site_dir / "docs" / "blog" / "posts" / "drafts"
    original = (jekyll / "_drafts" / "half-finished.md").read_bytes().splitlines(keepends=True)
    copy = (drafts / "half-finished.md").read_bytes().splitlines(keepends=True)
    assert copy == [original[0], b"draft: true\n", *original[1:]]
    bare = (drafts / "no-front-matter.md").read_bytes()
    assert bare == b"---\ndraft: true\n---\nJust an idea.\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---\ntitle: A\n---\nBody\n", "---\ndraft: true\ntitle: A\n---\nBody\n"),
        ("---\r\ntitle: A\r\n---\r\nBody\r\n", "---\r\ndraft: true\r\ntitle: A\r\n---\r\nBody\r\n"),
        ("---\ndraft: true\n---\nBody\n", "---\ndraft: true\n---\nBody\n"),
        ("---\npublished: false\n---\nBody\n", "---\npublished: false\n---\nBody\n"),
        ("---\ntitle: A\ndraft: false\n---\nB\n", "---\ntitle: A\ndraft: true\n---\nB\n"),
        ("Body only\n", "---\ndraft: true\n---\nBody only\n"),
        ("\ufeff---\ntitle: A\n---\n", "\ufeff---\ndraft: true\ntitle: A\n---\n"),
    ],
)
def test_mark_draft(source: str, expected: str) -> None:
    content, _, _ = mark_draft(source.encode("utf-8"))
    assert content == expected.encode("utf-8")


def test_not_utf8_draft_is_copied_and_reported() -> None:
    assert mark_draft(b"---\ntitle: \xff\n---\n") == (None, 0, 0)


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    jekyll = hostile_site(tmp_path)
    site_dir = tmp_path / "site"
    write_tree(site_dir, {"mkdocs.yml": "site_name: Team docs\n", "docs/index.md": "# Docs\n"})
    before, jekyll_before = tree_hash(site_dir), tree_hash(jekyll)
    code, report = run_main("import", jekyll, "--site", site_dir, "--dry-run")
    assert code == 1, report
    assert tree_hash(site_dir) == before
    assert tree_hash(jekyll) == jekyll_before
    # The report is the real one, from a build of a temporary copy.
    assert "dry run: nothing was written" in report
    assert "posts:   2 copied" in report
    assert "_posts/2024-3-7-short-dates.md:7" in report

    fresh = tmp_path / "fresh"
    code, report = run_main("import", jekyll, "--site", fresh, "--dry-run")
    assert code == 1
    assert not fresh.exists()
    assert "Would write mkdocs.yml" in report


def test_existing_files_need_force(tmp_path: Path) -> None:
    jekyll = hostile_site(tmp_path)
    site_dir = tmp_path / "site"
    write_tree(site_dir, {"docs/talks.md": "# Our own talks page\n"})
    before = tree_hash(site_dir)
    code, report = run_main("import", jekyll, "--site", site_dir)
    assert code == 2
    assert "docs/talks.md (from talks.md)" in report
    assert "Nothing was written" in report
    assert tree_hash(site_dir) == before

    code, report = run_main("import", jekyll, "--site", site_dir, "--force")
    assert code == 1, report
    assert (site_dir / "docs" / "talks.md").read_bytes() == (jekyll / "talks.md").read_bytes()
    # Running again finds the same bytes: nothing to overwrite, no --force needed.
    code, report = run_main("import", jekyll, "--site", site_dir)
    assert code == 1, report
    assert "already there with the same bytes" in report


def test_a_folder_in_the_way_stops_even_with_force(tmp_path: Path) -> None:
    jekyll = hostile_site(tmp_path)
    site_dir = tmp_path / "site"
    write_tree(site_dir, {"docs/talks.md/keep.txt": "a folder named like the page\n"})
    before = tree_hash(site_dir)
    code, report = run_main("import", jekyll, "--site", site_dir, "--force")
    assert code == 2
    assert "  docs/talks.md\n" in report
    assert tree_hash(site_dir) == before


def test_existing_mkdocs_yml_is_kept_and_the_snippet_printed(tmp_path: Path) -> None:
    jekyll = hostile_site(tmp_path)
    site_dir = tmp_path / "site"
    own = "site_name: Team docs\ntheme:\n  name: material\n"
    write_tree(site_dir, {"mkdocs.yml": own, "docs/index.md": "# Docs\n"})
    code, report = run_main("import", jekyll, "--site", site_dir)
    assert code == 1, report
    assert (site_dir / "mkdocs.yml").read_text(encoding="utf-8") == own
    snippet = report.split("To reproduce the Jekyll settings, add:\n")[1].split("\n\n")[0]
    added = yaml.safe_load(snippet)
    assert "site_name" not in added  # the site keeps its own name
    assert added["site_url"] == "https://notes.example.net/team/"
    assert added["theme"] == {"language": "de"}
    assert added["plugins"][0] == "search"
    assert added["plugins"][1]["blogpost"]["posts_per_page"] == 4
    assert "built with the snippet above added" in report

    # Added by hand as printed, the site builds.
    config = yaml.safe_load(own)
    config.update({k: v for k, v in added.items() if k != "theme"})
    config["theme"].update(added["theme"])
    (site_dir / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    site = build(site_dir, strict=False)
    assert site.exists("blog/2024/03/09/first-light/index.html")


def test_an_existing_posts_dir_option_is_followed(tmp_path: Path) -> None:
    jekyll = hostile_site(tmp_path)
    site_dir = tmp_path / "site"
    own = (
        "site_name: Team docs\ndocs_dir: content\nplugins:\n  - blogpost:\n      posts_dir: news\n"
    )
    write_tree(site_dir, {"mkdocs.yml": own, "content/index.md": "# Docs\n"})
    code, report = run_main("import", jekyll, "--site", site_dir)
    assert code == 1, report
    assert (site_dir / "content" / "news" / "2024-03-09-first-light.md").exists()
    assert (site_dir / "content" / "news" / "drafts" / "half-finished.md").exists()
    assert (site_dir / "content" / "assets" / "img" / "dot.png").exists()
    assert "posts:   2 copied to content/news/ (2 published by mkdocs build)" in report
    assert "_posts/2024-3-7-short-dates.md:7" in report


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"about.md": "# About\n"}, "has no _posts folder"),
        ({"_posts/.keep": "", "_config.yml": "title: [unclosed\n"}, "is not valid YAML"),
        ({"_posts/.keep": "", "_config.yml": "- a list\n"}, "is not a YAML mapping"),
        ({"_posts/.keep": "", "_config.yml": b"title: \xff\n"}, "cannot read"),
    ],
)
def test_fatal_errors_are_messages_with_exit_2(
    tmp_path: Path, files: dict[str, str | bytes], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    jekyll = tmp_path / "jekyll"
    write_tree(jekyll, files)
    code, _ = run_main("import", jekyll, "--site", tmp_path / "site")
    assert code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import"]) == 2
    assert "JEKYLL_DIR" in capsys.readouterr().err
    assert main(["export", "x"]) == 2


@pytest.mark.parametrize(
    ("data", "key", "value"),
    [
        ({"twitter_username": "a_b"}, "twitter_via", "@a_b"),
        ({"twitter": {"username": "@c"}}, "twitter_via", "@c"),
        ({"social": {"twitter": "d"}}, "twitter_via", "@d"),
        ({"paginate": 10}, "posts_per_page", 10),
        ({"timezone": "Asia/Tokyo"}, "timezone", "Asia/Tokyo"),
    ],
)
def test_plugin_options_from_config(data: dict, key: str, value: object) -> None:
    assert translate_settings(data, {}).plugin[key] == value


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        ({"timezone": "Mars/Olympus"}, 3, "timezone"),
        ({"paginate": "many"}, 3, "paginate"),
        ({"twitter_username": "not a handle!"}, 3, "X handle"),
        ({"lang": "tlh"}, 3, "Material has no language"),
    ],
)
def test_settings_that_cannot_be_carried_over_are_problems(
    data: dict, line: int, words: str
) -> None:
    settings = translate_settings(data, dict.fromkeys(data, line))
    found = [str(p) for p in settings.problems if words in p.message]
    assert len(found) == 1, settings.problems
    assert found[0].startswith(f"_config.yml:{line}: ")


def test_site_url_joins_url_and_baseurl() -> None:
    assert (
        translate_settings({"url": "https://a.example/", "baseurl": "/b/"}, {}).mkdocs["site_url"]
        == "https://a.example/b/"
    )
    assert "site_url" not in translate_settings({"baseurl": "/b"}, {}).mkdocs


def test_the_permalink_is_read_from_the_copied_config_or_reported() -> None:
    assert plugin_supports("jekyll_config")
    settings = translate_settings({"permalink": "/:title.html"}, {"permalink": 4})
    assert settings.plugin["jekyll_config"] == JEKYLL_CONFIG_COPY
    assert not any("permalink" in p.message for p in settings.problems)
    # Without a copy for the plugin to read, the permalink is a problem, with its line.
    uncopied = translate_settings({"permalink": "/:title.html"}, {"permalink": 4}, copied=False)
    assert "jekyll_config" not in uncopied.plugin
    problems = [p for p in uncopied.problems if "permalink" in p.message]
    assert [(p.path, p.line) for p in problems] == [("_config.yml", 4)]


def test_import_into_the_jekyll_folder_itself_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jekyll = hostile_site(tmp_path)
    monkeypatch.chdir(jekyll)
    code, first = run_main("import", ".")
    assert code == 1, first
    assert (jekyll / "docs" / "blog" / "posts" / "2024-03-09-first-light.md").exists()
    before = tree_hash(jekyll)
    code, again = run_main("import", ".")
    assert code == 1, again
    assert "docs: part of the MkDocs site" in again
    assert "Nothing was written" not in again
    assert not (jekyll / "docs" / "docs").exists()
    assert tree_hash(jekyll) == before


def test_without_config_yml_the_defaults_are_used(tmp_path: Path) -> None:
    jekyll = tmp_path / "jekyll"
    write_tree(jekyll, {"_posts/2024-05-01-only.md": "---\ntitle: Only\n---\nOne post.\n"})
    site_dir = tmp_path / "site"
    code, report = run_main("import", jekyll, "--site", site_dir)
    # No `url:` to make `site_url` from: the build warns that feeds are skipped.
    assert code == 1, report
    assert "_config.yml: not found" in report
    assert "site_url" in report.split("Cannot convert")[1]
    assert not (site_dir / "jekyll-config.yml").exists()
    config = (site_dir / "mkdocs.yml").read_text(encoding="utf-8")
    assert "jekyll_config" not in config
    assert yaml.safe_load(config)["site_name"] == "Blog"
    site = build(site_dir, strict=False)
    assert site.exists("blog/2024/05/01/only/index.html")


def test_a_clean_import_exits_0(tmp_path: Path) -> None:
    jekyll = tmp_path / "jekyll"
    write_tree(
        jekyll,
        {
            "_config.yml": "title: Clean\nurl: https://clean.example\n",
            "_posts/2024-05-01-a.md": "---\ntitle: A\n---\nSee ![dot](/assets/dot.png).\n",
            "assets/dot.png": PNG,
        },
    )
    code, report = run_main("import", jekyll, "--site", tmp_path / "site")
    assert code == 0, report
    assert "Nothing left to convert" in report
    assert "links rewritten:        1" in report
    build(tmp_path / "site")
