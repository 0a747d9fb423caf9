"""Helpers the tests share; fixtures stay in `conftest.py`.

- `build`: build a real site in a temporary folder (`write_tree`, `make_config`,
  `run_build`, the `Site` they return) and small fixtures (`PNG`, `META_HOOK`).
- `outputs`: every text output of a built site; `dead_urls`, each local link or media
  URL of pages and feeds that leads to no file.
- `safety`: markup that post text injected into pages, feeds or JSON.
- `hostile`: a corpus of careless and hostile posts, with what must come of each.
- `jekyll_fixture`: the Jekyll blog in `tests/fixtures/jekyll-blog/`.
- `generated_posts`: Hypothesis strategies that write whole posts, with the fate of each.
- `fuzz`: Hypothesis settings (`BLOGPOST_FUZZ_EXAMPLES`) and the text pieces authors write.
- `compat_sites`: tiny blogs built beside another real plugin, under MkDocs or ProperDocs.
- `browser`: headless Chromium and a local HTTP server for the browser checks.
"""
