"""Smoke run of the benchmark: the corpus is valid, every variant builds, each figure is measured.

No timing and no performance contract is asserted here: these machines are shared and
noisy, and a contract (what a site without posts loads, Markdown converted once a page)
is a figure of `python benchmarks/micro.py`. The numbers are documented in
CONTRIBUTING.md.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import events  # noqa: E402
import generate  # noqa: E402
import micro  # noqa: E402
import run  # noqa: E402

POSTS = 20


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench")
    generate.write_sites(out, POSTS)
    return out


def test_corpus_is_reproducible_and_realistic() -> None:
    first = generate.make_corpus(POSTS)
    again = generate.make_corpus(POSTS)
    assert [p.body for p in first.posts] == [p.body for p in again.posts]
    assert generate.make_corpus(POSTS, seed=1).posts[0].body != first.posts[0].body
    for post in first.posts:
        assert 900 <= post.words <= 1400, post.words
        assert "```" in post.body
        assert 1 <= post.body.count("<tweet>") <= 2
        assert "<small>" in post.body
        assert 2 <= len(post.tags) <= 5
    years = {p.date.year for p in generate.make_corpus(200).posts}
    assert len(years) >= 5
    # Skewed tags: the most used tag is on far more posts than the median tag.
    counts: dict[str, int] = {}
    for post in generate.make_corpus(300).posts:
        for tag in post.tags:
            counts[tag] = counts.get(tag, 0) + 1
    ordered = sorted(counts.values(), reverse=True)
    assert ordered[0] >= 5 * ordered[len(ordered) // 2]


def test_png_is_valid() -> None:
    data = generate.make_png(4, 3, (1, 2, 3))
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert data[12:16] == b"IHDR" and data.endswith(b"IEND\xaeB`\x82")


def test_material_variant_has_blog_front_matter(corpus_dir: Path) -> None:
    config = (corpus_dir / "material" / "mkdocs.yml").read_text()
    assert "blog" in config and "tags" in config
    assert (corpus_dir / "material" / "docs" / "blog" / ".authors.yml").exists()
    post = next((corpus_dir / "material" / "docs" / "blog" / "posts").glob("*.md"))
    text = post.read_text()
    assert "\nauthors:\n- " in text and "\ncategories:\n" in text and "<!-- more -->" in text
    assert "layout: post" not in text


@pytest.mark.parametrize("variant", ["blogpost", "plain", "posts-only"])
def test_variant_builds_every_post(corpus_dir: Path, variant: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    log = tmp_path / "build.log"
    _wall, _cpu, rss, warnings = run.build_once(corpus_dir / variant / "mkdocs.yml", site, log)
    assert warnings == 0, log.read_text()
    assert rss > 0
    corpus = generate.make_corpus(POSTS)
    for post in corpus.posts:
        if variant == "plain":
            pages = [site / "blog" / "posts" / post.filename[:-3] / "index.html"]
        else:
            pages = list(site.glob(f"blog/**/{post.slug}/index.html"))
        assert len(pages) == 1 and pages[0].exists(), (variant, post.slug)
        soup = BeautifulSoup(pages[0].read_text("utf-8"), "lxml")
        assert post.title in soup.get_text(), post.slug
        image = site / post.image_dir / post.image_name
        assert image.exists()
        # The figure's link (site-root in the blogpost variant) leads to the image.
        srcs = [img["src"] for img in soup.select("article img") if post.image_name in img["src"]]
        assert srcs, post.slug
        for src in srcs:
            assert (pages[0].parent / src).resolve() == image.resolve(), src
    # The posts-only site is the blogpost site without its generated listing pages.
    has_listings = (site / "blog" / "tags" / "index.html").exists()
    assert has_listings == (variant == "blogpost")


def test_floor_site_has_as_many_pages_as_the_blog(corpus_dir: Path, tmp_path: Path) -> None:
    # The floor stands for the blog's own pages drawn by the theme: it must have exactly
    # as many pages as the blogpost site, the posts' and the listings' together.
    counts = {}
    for variant in ("blogpost", "floor", "plain"):
        site = tmp_path / variant
        log = tmp_path / f"{variant}.log"
        warnings = run.build_once(corpus_dir / variant / "mkdocs.yml", site, log)[3]
        assert warnings == 0, log.read_text()
        sitemap = BeautifulSoup((site / "sitemap.xml").read_text("utf-8"), "xml")
        counts[variant] = len(sitemap.find_all("loc"))
    assert counts["floor"] == counts["blogpost"] > counts["plain"] == POSTS + 1


@pytest.mark.parametrize("rebuild", [False, True])
def test_event_timing_names_each_step_and_handler(
    corpus_dir: Path, tmp_path: Path, rebuild: bool
) -> None:
    # In a child process: the timing wraps MkDocs' own functions. Every handler is listed
    # (shortest=0): on this small corpus one can take under the default cut-off.
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); import events; "
        "total, clock = events.measure(Path(sys.argv[2]), Path(sys.argv[3]), "
        "rebuild=sys.argv[4] == '1'); print(events.report(total, clock, 'site', shortest=0))"
    )
    config = corpus_dir / "blogpost" / "mkdocs.yml"
    post = min((corpus_dir / "blogpost" / "docs" / "blog" / "posts").glob("*.md"))
    before = post.read_text("utf-8")
    args = [str(BENCH), str(config), str(tmp_path / "site"), "1" if rebuild else "0"]
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    total = float(lines[0].split(": ")[1].split()[0])
    assert total > 0
    labels = {line.split("%", 1)[1].strip(): float(line.split()[0]) for line in lines if "%" in line}
    for label in (
        "populate (from files)",
        "markdown (from files)",
        "build page (generated)",
        "page_content: mkdocs_blogpost",
        "page_context: material",
        "all of mkdocs_blogpost",
    ):
        assert label in labels, done.stdout
    assert 0 < labels["all of mkdocs_blogpost"] < total
    assert post.read_text("utf-8") == before  # the edited post is restored


def test_event_report_folds_short_handlers_into_their_owner() -> None:
    clock = events.Clock()
    gc.callbacks.remove(clock._on_gc)
    clock.seconds.update(
        {"markdown (from files)": 1.0, "page_content: ours": 0.5, "env: ours": 0.001}
    )
    lines = events.report(2.0, clock, "site").splitlines()
    assert "     0.50   25.0%  page_content: ours" in lines
    assert not any(line.endswith("env: ours") for line in lines)
    assert "     0.50   25.1%  all of ours" in lines  # 0.501 s: the short one counts
    listed = events.report(2.0, clock, "site", shortest=0).splitlines()
    assert any(line.endswith("  env: ours") for line in listed)


def test_micro_benchmark_measures_every_figure(corpus_dir: Path) -> None:
    result = {
        "start_up": micro.measure_start_up(imports=1),
        "front_matter": micro.measure_front_matter(corpus_dir, repeat=1),
        "dates": micro.measure_dates(POSTS, generate.DEFAULT_SEED, asks=2, repeat=1),
        "markdown": micro.measure_markdown(corpus_dir),
    }
    start = result["start_up"]
    assert start["import_ms"] > 0
    assert 0 < start["import_modules"] <= start["empty_site_modules"] <= start["one_post_modules"]
    # What each kind of site loads is deterministic: a contract the suite holds too.
    assert start["import_loads"] == [] and start["empty_site_loads"] == [], start
    assert result["front_matter"]["posts"] == POSTS
    assert result["front_matter"]["plugin_us"] > 0 and result["front_matter"]["pure_python_us"] > 0
    assert result["dates"]["dates"] == POSTS and result["dates"]["plugin_us"] > 0
    # Every post page and at least the blog index were built and counted.
    assert result["markdown"]["pages"] > POSTS and result["markdown"]["conversions"] > 0
    lines = micro.report(result).splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "import",
        "site without posts",
        "site with one post",
        "front matter",
        "dates",
        "markdown",
    ]


def test_micro_benchmark_names_each_broken_contract() -> None:
    kept = {
        "start_up": {"import_loads": [], "empty_site_loads": []},
        "markdown": {"conversions": 12, "pages": 12},
    }
    assert micro.broken_contracts(kept) == []
    broken = {
        "start_up": {"import_loads": ["mkdocs_blogpost.posts"], "empty_site_loads": ["nh3"]},
        "markdown": {"conversions": 20, "pages": 12},
    }
    assert micro.broken_contracts(broken) == [
        "importing the plugin loads mkdocs_blogpost.posts",
        "a site without posts loads nh3",
        "20 Markdown conversions for 12 pages",
    ]


def test_table_gives_medians_and_paired_ratios_per_size() -> None:
    runs = [
        run.Run(10_000, "blogpost", 1, wall=12.0, cpu=11.0, max_rss_kb=2048, warnings=0),
        run.Run(10_000, "plain", 1, wall=10.0, cpu=10.0, max_rss_kb=1024, warnings=0),
        run.Run(10_000, "blogpost", 2, wall=30.0, cpu=26.0, max_rss_kb=2048, warnings=0),
        run.Run(10_000, "plain", 2, wall=20.0, cpu=20.0, max_rss_kb=1024, warnings=0),
    ]
    rows = {
        line.split(" | ")[1]: line.strip("| ").split(" | ")
        for line in run.table(runs).splitlines()[2:]
    }
    # Sizes read as a reader writes them; the ratio is the median of each turn's own
    # ratio (1.2 and 1.5), not the ratio of the medians (21 / 15 = 1.4).
    assert rows["blogpost"][0] == "10,000"
    assert rows["blogpost"][2] == "21.00"
    assert rows["blogpost"][3] == "2.1"
    assert rows["blogpost"][6] == "1.35"
    assert rows["plain"][6] == "1.00"
    assert rows["blogpost"][8] == "2.00"
