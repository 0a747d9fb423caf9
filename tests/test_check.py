"""`mkdocs-blogpost check`: what a build says about posts, without building the site.

The command is run in-process (`cli.main`) on sites written to temporary folders, and
once as the console script on the example site. Its problems are compared with the
warnings of a real build of the same site: same words, each once.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.build import PNG, run_build, write_tree
from support.schema_cases import RULES

from mkdocs_blogpost.cli import main

REPO = Path(__file__).resolve().parent.parent

#: A site with one of each kind of problem the build reports about posts.
BROKEN: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "assets/pic.png": PNG,
    "blog/posts/2024-01-01-yaml.md": "---\ntitle: [unclosed\n---\n\nBody.\n",
    "blog/posts/2024-01-02-keys.md": (
        "---\ntitle: Keys\ntitle: Again\ndate: 2024-13-45\ntgas: [x]\nimg: posts/gone.png\n"
        "read_time: maybe\n---\n\nBody.\n"
    ),
    "blog/posts/2024-01-03-links.md": (
        "---\ntitle: Links\n---\n\nSee [this](./nowhere.html) and "
        "{% post_url 2020-01-01-gone %}.\n\n![gone](/assets/missing.png)\n\n[bad](http://[oops)\n"
    ),
    "blog/posts/2024-01-04-quotes.md": (
        "---\ntitle: Quotes\n---\n\n<tweet>" + "long " * 70 + "</tweet>\n\n"
        "![pic](/assets/pic.png)\n<small>A caption never closed\n\nMore text.\n"
    ),
    "blog/posts/2024-01-05-fine.md": "---\ntitle: Fine\n---\n\nAll good ![pic](/assets/pic.png).\n",
    "blog/posts/notes.md": "No date in the name or the front matter.\n",
    "blog/posts/2024-01-06-latin1.md": b"---\ntitle: caf\xe9\n---\n\nBody.\n",
}
SCHEMA = {"unknown_keys": "warn", "required": ["description"], "missing_keys": "info"}


def write_site(root: Path, files: dict[str, str | bytes], options: dict[str, Any] | None = None) -> Path:
    write_tree(root / "docs", files)
    settings = {
        "site_name": "Test site",
        "site_url": "https://example.org/",
        "theme": {"name": "material"},
        "plugins": ["search", {"blogpost": options or {}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    return root


def check(root: Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(root)
    out = io.StringIO()
    code = main(["check", *args], out=out)
    return code, out.getvalue()


def check_json(root: Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict[str, Any]]:
    code, out = check(root, "--format", "json", *args, monkeypatch=monkeypatch)
    return code, json.loads(out)


def test_a_clean_site_passes_and_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files: dict[str, str | bytes] = {k: v for k, v in BROKEN.items() if k.endswith(("fine.md", ".png", "index.md"))}
    root = write_site(tmp_path, files)
    code, out = check(root, monkeypatch=monkeypatch)
    assert (code, out) == (0, "1 post checked: no problems.\n")
    assert not (root / "site").exists()


def test_a_broken_site_reports_each_build_warning_once_in_the_same_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_site(tmp_path, BROKEN, {"schema": SCHEMA})
    code, report = check_json(root, monkeypatch=monkeypatch)
    assert code == 1 and report["failed"] is True
    checked = [f"mkdocs_blogpost: {p['docs_path']}:{p['line']}: {p['text']}".replace(":None:", ":")
               for p in report["problems"] if p["severity"] != "info"]
    site = run_build(root, make_config_from(root), expect_failure=False)
    built = [m for m in site.warnings if m.startswith("mkdocs_blogpost: blog/")]
    assert sorted(checked) == sorted(built)
    assert len(checked) == len(set(checked))
    # One of each kind, so none of the checks the build runs was skipped.
    for words in [
        "front matter is not valid YAML",               # front matter
        "front matter 'title' is written more than once",
        "front matter 'date': ",                         # dates
        "'read_time: maybe' is not a switch",
        "cover image 'posts/gone.png' was not found",
        "the link './nowhere.html' points to no file",   # links
        "the image '/assets/missing.png' points to no file",
        "'{% post_url 2020-01-01-gone %}' names no post",  # Liquid
        "is not a valid URL",
        "characters long with the link (X allows 280)",  # quotes
        "<small> under an image is never closed",        # captions
        "front matter 'tgas' is not a key",               # the schema
        "is not a post Jekyll would publish",
        "is not UTF-8 text",
    ]:
        assert sum(words in m for m in checked) == 1, words
    infos = [p for p in report["problems"] if p["severity"] == "info"]
    assert {p["rule"] for p in infos} == {"missing_keys"}


def test_a_site_moved_to_properdocs_is_found_by_its_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {k: v for k, v in BROKEN.items() if k.endswith(("keys.md", "fine.md", ".png", "index.md"))}
    root = write_site(tmp_path, files)
    (root / "mkdocs.yml").rename(root / "properdocs.yml")
    code, report = check_json(root, monkeypatch=monkeypatch)
    assert code == 1
    assert report["config_file"] == "properdocs.yml"
    assert {p["docs_path"] for p in report["problems"]} == {"blog/posts/2024-01-02-keys.md"}
    assert report["posts_checked"] == 2


def make_config_from(root: Path) -> Any:
    from mkdocs.config import load_config

    return load_config(str(root / "mkdocs.yml"), strict=False)


def test_the_text_report_groups_problems_by_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_site(tmp_path, BROKEN, {"schema": SCHEMA})
    code, out = check(root, monkeypatch=monkeypatch)
    assert code == 1
    blocks = out.rstrip("\n").split("\n\n")
    for block in blocks[:-1]:
        paths = {line.split(":", 1)[0] for line in block.splitlines()}
        assert len(paths) == 1, block
    assert "docs/blog/posts/2024-01-02-keys.md:5: warning: front matter 'tgas' is not a key blogpost, " \
        "MkDocs or a common plugin reads — did you mean 'tags'?" in out.splitlines()
    assert "docs/blog/posts/2024-01-05-fine.md: info: front matter has no 'description' — add " \
        "'description:'; the site requires it of every post (schema.required)" in out.splitlines()
    lines = [int(m) for m in re.findall(r"^docs/blog/posts/2024-01-02-keys\.md:(\d+):", out, re.M)]
    assert lines == sorted(lines)
    assert re.fullmatch(r"7 posts checked: \d+ warnings, 5 infos in 7 files\.", blocks[-1]), blocks[-1]


@pytest.mark.parametrize("severity", ["ignore", "info", "warn", "error"])
@pytest.mark.parametrize("rule", sorted(RULES))
def test_the_exit_status_follows_each_rules_severity(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rule: str, severity: str
) -> None:
    options, files, needle = RULES[rule]
    root = write_site(tmp_path, {"index.md": "# Home\n", **files}, {"schema": {**options, rule: severity}})
    code, report = check_json(root, monkeypatch=monkeypatch)
    found = [p for p in report["problems"] if needle in f"{p['docs_path']}:{p['line']}: {p['text']}".replace(":None:", ":")]
    if severity == "ignore":
        assert found == []
    else:
        assert [p["severity"] for p in found] == [severity]
    assert code == (1 if severity in ("warn", "error") else 0)


def test_paths_limit_the_report_to_those_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_site(tmp_path, BROKEN, {"schema": SCHEMA})
    code, report = check_json(
        root, "docs/blog/posts/2024-01-03-links.md", "docs/index.md", "README.md", monkeypatch=monkeypatch
    )
    assert code == 1
    assert {p["file"] for p in report["problems"]} == {"docs/blog/posts/2024-01-03-links.md"}
    assert report["posts_checked"] == 1
    assert report["not_posts"] == ["docs/index.md", "README.md"]
    code, out = check(root, "docs/blog/posts/2024-01-05-fine.md", monkeypatch=monkeypatch)
    assert code == 0 and "1 post checked: 1 info in 1 file." in out


def test_drafts_bodies_are_checked_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/posts/2024-01-01-draft.md": "---\ntitle: Draft\ndraft: true\n---\n\n[x](./nowhere.html)\n",
    }
    root = write_site(tmp_path, files)
    assert check(root, monkeypatch=monkeypatch) == (0, "1 post checked: no problems.\n")
    code, out = check(root, "--drafts", monkeypatch=monkeypatch)
    assert code == 1 and "2024-01-01-draft.md:6: warning: the link './nowhere.html'" in out


def test_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/posts/2024-01-01-a.md": "---\ntitle: A, 100%\ntgas: x\n---\n\nBody.\n",
        "blog/posts/2024-01-02-b.md": "---\ntitle: B\ndate: 2999-01-01\n---\n\nBody.\n",
    }
    root = write_site(tmp_path, files, {"schema": {"unknown_keys": "error"}})
    code, out = check(root, "--format", "github", monkeypatch=monkeypatch)
    assert code == 1
    assert out.splitlines() == [
        "::error file=docs/blog/posts/2024-01-01-a.md,line=3,title=blogpost unknown_keys::front "
        "matter 'tgas' is not a key blogpost, MkDocs or a common plugin reads — did you mean 'tags'?",
        "::notice file=docs/blog/posts/2024-01-02-b.md,line=3,title=blogpost future_dates::dated "
        "2999-01-01T00:00:00+00:00, held back until then (set future: true)",
        "2 posts checked: 1 error, 1 info in 2 files.",
    ]


def test_site_wide_warnings_are_reported_under_mkdocs_yml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files: dict[str, str | bytes] = {"index.md": "# Home\n", "blog/posts/2024-01-01-a.md": "---\ntitle: A\n---\n\nHi.\n"}
    root = write_site(tmp_path, files)
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["not_an_option"] = 1
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    code, out = check(root, monkeypatch=monkeypatch)
    assert code == 1
    assert out.startswith("mkdocs.yml: warning: Config value 'not_an_option': Unrecognised configuration name")
    # A check of changed posts is about those posts only.
    assert check(root, "docs/blog/posts/2024-01-01-a.md", monkeypatch=monkeypatch)[0] == 0


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("none", "Config file 'mkdocs.yml' does not exist."),
        ("no-plugin", "mkdocs.yml does not use the blogpost plugin"),
        ("bad-option", "cannot load the site's configuration"),
    ],
)
def test_a_check_that_cannot_run_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], setup: str, expected: str
) -> None:
    if setup != "none":
        write_site(tmp_path, {"index.md": "# Home\n"}, {"schema": {"unknown_keys": "loud"}})
    if setup == "no-plugin":
        (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [search]\n")
    code, out = check(tmp_path, monkeypatch=monkeypatch)
    err = capsys.readouterr().err
    assert (code, out) == (2, "")
    assert expected in err
    if setup == "bad-option":
        assert "Sub-option 'unknown_keys': Expected one of" in err


def test_the_check_leaves_no_handler_on_the_mkdocs_logger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("mkdocs")
    before = (list(logger.handlers), logger.level)
    root = write_site(tmp_path, BROKEN)
    check(root, monkeypatch=monkeypatch)
    check(root, "-f", "mkdocs.yml", monkeypatch=monkeypatch)
    assert (list(logger.handlers), logger.level) == before


def test_the_console_script_checks_the_example_site() -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_blogpost", "check", "-f", "mkdocs.yml"],
        cwd=REPO / "example-site", capture_output=True, text=True, env=env, check=False,
    )
    assert (done.returncode, done.stdout) == (0, "7 posts checked: no problems.\n"), done.stderr
    assert not (REPO / "example-site" / "site").exists()


def test_the_pre_commit_hook_runs_the_check_on_changed_posts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "blogpost-check" and hook["language"] == "python"
    assert hook["entry"] == "mkdocs-blogpost check"
    pattern = re.compile(hook["files"])
    changed = ["docs/blog/posts/2024-01-03-links.md", "docs/index.md", "docs/x.markdown", "README.rst"]
    passed = [p for p in changed if pattern.search(p)]
    assert passed == changed[:3]
    root = write_site(tmp_path, BROKEN)
    # What pre-commit runs: the entry, then the changed files that match.
    code, out = check(root, *passed, monkeypatch=monkeypatch)
    assert code == 1 and "the link './nowhere.html' points to no file" in out
    assert "1 post checked" in out
