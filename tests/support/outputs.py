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


#: Attributes that make a reader's browser fetch or follow a URL.
URL_ATTRS = ("href", "src", "poster", "data")


def _urls_of(markup: str) -> list[str]:
    from bs4 import BeautifulSoup, Tag

    found: list[str] = []
    for tag in BeautifulSoup(markup, "html.parser").find_all(True):
        assert isinstance(tag, Tag)
        for attr in URL_ATTRS:
            value = tag.get(attr)
            if isinstance(value, str):
                found.append(value)
        srcset = tag.get("srcset")
        if isinstance(srcset, str):
            found += [c.split()[0] for c in srcset.split(",") if c.split()]
    return found


def _target(site_dir: Path, url: str) -> Path:
    """The file a site path (`/blog/x/`) is served from."""
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(url).path)
    target = site_dir / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def dead_urls(site_dir: Path, site_url: str) -> list[str]:
    """Every local link or media URL in the site's pages and feeds that leads to no file.

    Pages are read as HTML and their relative URLs resolved from the page's own URL;
    feeds carry absolute URLs under `site_url`, inside their HTML content too.
    """
    import json
    from urllib.parse import urljoin, urlsplit

    from bs4 import BeautifulSoup

    root = urlsplit(site_url)
    base_path = root.path if root.path.endswith("/") else root.path + "/"
    dead: list[str] = []

    def check(where: str, page_url: str, url: str) -> None:
        if not url or url.startswith(("#", "mailto:", "javascript:", "data:")):
            return
        absolute = urlsplit(urljoin(page_url, url))
        if absolute.netloc != root.netloc or absolute.scheme not in ("http", "https"):
            return
        if not absolute.path.startswith(base_path):
            # An absolute URL an author typed may lead anywhere on the host; a relative
            # one climbing above the site is ours.
            if not urlsplit(url).netloc:
                dead.append(f"{where}: {url} (outside the site)")
            return
        rel = absolute.path[len(base_path) :]
        target = _target(site_dir, "/" + rel)
        if not target.is_file():
            dead.append(f"{where}: {url}")

    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        url_path = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        page_url = f"{root.scheme}://{root.netloc}{base_path}{url_path}"
        for url in _urls_of(path.read_text(encoding="utf-8")):
            check(rel, page_url, url)
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if path.suffix == ".json" and path.name.startswith("feed"):
            feed = json.loads(path.read_text(encoding="utf-8"))
            for item in feed.get("items", []):
                for key in ("url", "image"):
                    if item.get(key):
                        check(rel, site_url, item[key])
                for url in _urls_of(item.get("content_html", "")):
                    check(rel, item.get("url", site_url), url)
        elif path.suffix == ".xml" and path.name != "sitemap.xml":
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "xml")
            for node in soup.find_all(["description", "encoded", "content", "summary"]):
                for url in _urls_of(node.get_text()):
                    check(rel, site_url, url)
            for node in soup.find_all(["link", "guid"]):
                href = node.get("href")
                value = href if isinstance(href, str) and href else node.get_text(strip=True)
                if value.startswith("http"):
                    check(rel, site_url, value)
    return dead
