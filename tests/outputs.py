"""Read every text output of a built site, to prove something is absent from all of them."""

from __future__ import annotations

import gzip
from pathlib import Path

#: Outputs a reader, a crawler or a feed reader can fetch as text.
TEXT_SUFFIXES = (".html", ".xml", ".json", ".gz", ".txt")


def site_texts(site_dir: Path) -> dict[str, str]:
    """Each text output of the site (sitemaps unzipped), by its path in `site_dir`."""
    out: dict[str, str] = {}
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            out[path.relative_to(site_dir).as_posix()] = data.decode("utf-8", "replace")
    return out


def where_found(site_dir: Path, *needles: str) -> dict[str, list[str]]:
    """For each needle, the outputs that contain it (empty lists when it is nowhere)."""
    texts = site_texts(site_dir)
    return {n: [rel for rel, text in texts.items() if n in text] for n in needles}


def assert_absent(site_dir: Path, *needles: str) -> None:
    """Fail, naming the files, when any needle appears in any output of the site."""
    found = where_found(site_dir, *needles)
    assert all(not files for files in found.values()), found
