"""Take the README's screenshots: a post and the blog index of the example site, per theme.

    python scripts/screenshots.py            # writes docs-images/*.png

It builds `example-site/` once per theme (Material, also in its dark scheme, `mkdocs` and
`readthedocs`), opens the pages in the headless Chromium the browser tests use, and
saves the top of each page at a desktop width, reduced to a small palette PNG when
Pillow is installed. Run it after a change to how the blog looks, and commit the images.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.browser import launch_chromium, serve_directory  # noqa: E402

EXAMPLE = ROOT / "example-site"
OUT = ROOT / "docs-images"
#: Theme, colour scheme the browser asks for, and the image's name.
SETUPS = [
    ("material", "light", "material"),
    ("material", "dark", "material-dark"),
    ("mkdocs", "light", "mkdocs"),
    ("readthedocs", "light", "readthedocs"),
]
PAGES = {
    "index": "blog/",
    "post": "blog/2024/06/30/shipping-docs-like-code/",
}
VIEWPORT = {"width": 1100, "height": 760}


def build(theme: str, site_dir: Path) -> None:
    """Build the example site with `theme`, keeping everything else of its mkdocs.yml."""
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    if theme != "material":
        config["theme"] = {"name": theme}
    config["docs_dir"] = str(EXAMPLE / "docs")
    config["site_dir"] = str(site_dir)
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False, encoding="utf-8") as f:
        yaml.safe_dump(config, f)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", f.name]
    subprocess.run(command, check=True, env=env)
    Path(f.name).unlink()


def shrink(path: Path) -> None:
    """Halve the picture and reduce it to 128 colours, when Pillow is there to do it."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        small = image.convert("RGB").resize((image.width // 2, image.height // 2), Image.LANCZOS)
    small.quantize(colors=128).save(path, optimize=True)


def main() -> int:
    """Build each setup, photograph its pages, and print the files written."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNGs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, launch_chromium() as browser:
        for theme, scheme, name in SETUPS:
            site = Path(tmp) / name
            build(theme, site)
            with serve_directory(site) as base:
                page = browser.new_page(viewport=VIEWPORT, color_scheme=scheme)
                for kind, url in PAGES.items():
                    page.goto(base + url)
                    page.wait_for_load_state("networkidle")
                    target = args.out / f"{name}-{kind}.png"
                    page.screenshot(path=str(target))
                    shrink(target)
                    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                page.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
