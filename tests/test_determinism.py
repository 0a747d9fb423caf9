"""Rule 7: the same sources give byte-identical output, whatever TZ and listing order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from support.build import write_tree
from support.hostile import corpus_files
from support.safety import output_files

ROOT = Path(__file__).resolve().parent.parent

EXTRA: dict[str, str | bytes] = {
    # Dates near midnight in and out of zones: the local zone of the machine must not move them.
    "blog/posts/late.md": "---\ntitle: Late\ndate: 2024-06-30 23:30:00 -1100\ntags: [Zone, zone]\n---\nLate.\n",
    "blog/posts/early.md": "---\ntitle: Early\ndate: 2024-07-01 00:15:00 +1400\ntags: [zone]\n---\nEarly.\n",
    "blog/posts/naive.md": "---\ntitle: Naive\ndate: 2024-07-01 00:30\ncategory: Time\n---\nNaive.\n",
    "blog/posts/2024-07-01-plain-date.md": "---\ntitle: Plain date\n---\nPlain.\n",
    "about.md": "# About\n\nA page.\n",
}

# A hook that hands the plugin the files in reverse order, as another file system might.
REVERSE_HOOK = """
from mkdocs.structure.files import Files

def on_files(files, config):
    return Files(list(reversed(list(files))))
"""


def build_in_subprocess(
    root: Path, files: dict[str, str | bytes], tz: str, *, reverse: bool, hook: bool = False
) -> dict[str, bytes]:
    items = list(files.items())
    if reverse:
        items.reverse()  # create the files in the opposite order
    write_tree(root / "docs", dict(items))
    settings = {
        "site_name": "Determinism",
        "site_url": "https://example.org/",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material"},
        "plugins": ["search", {"blogpost": {"timezone": "Europe/Berlin"}}],
    }
    if hook:
        (root / "hooks.py").write_text(REVERSE_HOOK)
        settings["hooks"] = ["hooks.py"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings))
    env = dict(os.environ)
    env.update(
        TZ=tz,
        PYTHONPATH=str(ROOT),
        NO_MKDOCS_2_WARNING="1",
        SOURCE_DATE_EPOCH="1735689600",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return output_files(root / "site")


def differing(first: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    assert sorted(first) == sorted(other)
    return [rel for rel in first if first[rel] != other[rel]]


def test_output_is_byte_identical_across_time_zones_and_creation_order(tmp_path: Path) -> None:
    files = {**corpus_files(), **EXTRA}
    first = build_in_subprocess(tmp_path / "a", files, "Pacific/Kiritimati", reverse=False)
    second = build_in_subprocess(tmp_path / "b", files, "Etc/GMT+12", reverse=True)
    third = build_in_subprocess(tmp_path / "c", files, "Asia/Kathmandu", reverse=True)
    assert "blog/2024/07/01/naive/index.html" in first  # naive dates use the plugin's zone
    assert "blog/2024/06/30/late/index.html" in first
    assert "blog/2024/07/01/early/index.html" in first
    assert len(first) > 40
    assert differing(first, second) == []
    assert differing(first, third) == []


def test_plugin_decisions_do_not_follow_the_file_list_order(tmp_path: Path) -> None:
    # Another plugin may hand us the files in any order. MkDocs itself orders the search
    # index and sitemap by that list, but every page we decide must come out the same.
    files = {**corpus_files(), **EXTRA}
    first = build_in_subprocess(tmp_path / "a", files, "UTC", reverse=False)
    other = build_in_subprocess(tmp_path / "b", files, "UTC", reverse=True, hook=True)
    mkdocs_ordered = {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"}
    assert set(differing(first, other)) <= mkdocs_ordered
