"""The output comparison script: tree walking and comparing, and one real run against HEAD."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import compare_output  # noqa: E402
from compare_output import compare_trees, describe_difference, summary_line, walk_tree  # noqa: E402


def write_tree(root: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


SITE = {
    "index.html": b"<html>\n<body>\n<p>Hello</p>\n</body>\n</html>\n",
    "blog/post/index.html": b"<p>A post</p>\n",
    "assets/logo.png": b"\x89PNG\r\n\x1a\n\x00\x01\x02",
}


def test_walk_tree_lists_files_relative_and_sorted(tmp_path: Path) -> None:
    write_tree(tmp_path, SITE)
    (tmp_path / "empty-folder").mkdir()
    assert list(walk_tree(tmp_path)) == ["assets/logo.png", "blog/post/index.html", "index.html"]


def test_identical_trees(tmp_path: Path) -> None:
    left = write_tree(tmp_path / "a", SITE)
    right = write_tree(tmp_path / "b", SITE)
    result = compare_trees(left, right)
    assert result.same
    assert summary_line(result) == "3 files identical, 0 differ, 0 only in one side"


def test_one_changed_byte_is_a_difference_with_a_diff(tmp_path: Path) -> None:
    left = write_tree(tmp_path / "a", SITE)
    right = write_tree(
        tmp_path / "b", {**SITE, "index.html": SITE["index.html"].replace(b"Hello", b"Hell0")}
    )
    result = compare_trees(left, right)
    assert not result.same
    assert [d.path for d in result.differ] == ["index.html"]
    detail = result.differ[0].detail
    assert "first difference at byte 21" in detail
    assert "  -<p>Hello</p>" in detail and "  +<p>Hell0</p>" in detail
    assert summary_line(result) == "2 files identical, 1 differ, 0 only in one side"


def test_binary_difference_has_no_text_diff(tmp_path: Path) -> None:
    left = write_tree(tmp_path / "a", SITE)
    right = write_tree(
        tmp_path / "b", {**SITE, "assets/logo.png": b"\x89PNG\r\n\x1a\n\x00\x01\x03"}
    )
    (difference,) = compare_trees(left, right).differ
    assert difference.path == "assets/logo.png"
    assert "first difference at byte 10" in difference.detail
    assert "@@" not in difference.detail


def test_missing_file_is_only_in_one_side(tmp_path: Path) -> None:
    left = write_tree(tmp_path / "a", SITE)
    right = write_tree(
        tmp_path / "b", {k: v for k, v in SITE.items() if k != "blog/post/index.html"}
    )
    write_tree(right, {"extra.html": b"new\n"})
    result = compare_trees(left, right)
    assert result.only_left == ["blog/post/index.html"]
    assert result.only_right == ["extra.html"]
    assert summary_line(result) == "2 files identical, 0 differ, 2 only in one side"


def test_gz_with_same_content_and_another_header_time_is_identical(tmp_path: Path) -> None:
    content = b"<urlset>\n<url><loc>https://example.org/</loc></url>\n</urlset>\n"
    older, newer = gzip.compress(content, mtime=1), gzip.compress(content, mtime=2_000_000_000)
    assert older != newer
    left = write_tree(tmp_path / "a", {"sitemap.xml.gz": older})
    right = write_tree(tmp_path / "b", {"sitemap.xml.gz": newer})
    assert compare_trees(left, right).identical == ["sitemap.xml.gz"]


def test_gz_with_other_content_shows_the_decompressed_diff(tmp_path: Path) -> None:
    left = write_tree(tmp_path / "a", {"sitemap.xml.gz": gzip.compress(b"<a>\n<b>one</b>\n")})
    right = write_tree(tmp_path / "b", {"sitemap.xml.gz": gzip.compress(b"<a>\n<b>two</b>\n")})
    (difference,) = compare_trees(left, right).differ
    assert "  -<b>one</b>" in difference.detail and "  +<b>two</b>" in difference.detail


def test_description_stays_small_for_long_lines_and_long_diffs() -> None:
    long_left = ("x" * 5000 + "\n") * 100
    long_right = ("y" * 5000 + "\n") * 100
    detail = describe_difference(long_left.encode(), long_right.encode(), max_lines=6, width=80)
    assert len(detail) < 1500
    assert detail.endswith("… (diff cut)")


def _git_works() -> bool:
    if shutil.which("git") is None:
        return False
    probe = subprocess.run(
        ["git", "-C", str(BENCH.parent), "rev-parse", "HEAD"], capture_output=True, check=False
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _git_works(), reason="needs git and this checkout's history")
def test_this_tree_builds_the_example_site_like_head(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = compare_output.main(["--against", "HEAD", "--sites", "example", "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    last = out.strip().splitlines()[-1]
    assert last.endswith(" files identical, 0 differ, 0 only in one side"), out
    assert int(last.split()[0]) > 50
    assert (tmp_path / "example" / "current" / "sitemap.xml.gz").exists()
    assert (tmp_path / "example" / "rev-HEAD" / "index.html").exists()


def test_an_unknown_revision_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if shutil.which("git") is None:
        pytest.skip("needs git")
    code = compare_output.main(
        ["--against", "no-such-revision", "--sites", "example", "--out", str(tmp_path)]
    )
    assert code == 2
    assert "'no-such-revision' is not a revision" in capsys.readouterr().err
