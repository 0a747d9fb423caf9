"""`<tweet>` quotes and `<small>` image captions, turned into styled blocks.

These work on the HTML Python-Markdown produced for a page. Markdown escapes `<` inside
code, so a literal `<tweet` in that HTML is a tag the author wrote; tags inside `<pre>`,
`<code>`, comments and scripts are skipped all the same.

The page is never re-parsed as a whole: a small scanner finds the tags, and only the
paragraphs that hold a quote or a caption are rewritten. Everything else stays byte for
byte as MkDocs produced it, and a page with nothing to change comes back as the very
same string. Text from the post that ends up inside a quote or a caption goes through
an allow-list sanitiser (nh3): formatting and links survive, scripts, event handlers and
`javascript:` URLs do not.

The modules, in the order a page goes through them (`transform.transform_html`):

- `scan` (with `tokens`): the tags outside code, and the block tags around them;
- `quotes`: `<tweet>` tags repaired where they are off, then each quote rendered;
- `captions`: the `<small>` right under an image, rendered with the image as a figure;
- `paragraphs`: each rendered block put in place of the paragraph that held it;
- `sanitise`: the allow-lists for the post's text inside a quote or a caption;
- `source_lines`: the Markdown line a warning points at.
"""

from __future__ import annotations

from .options import CaptionStyle, TransformOptions
from .page import Setup, make_setup
from .report import TransformIssue, TransformStats
from .sanitise import plain_text, sanitize_inline
from .scan import has_candidates
from .source_lines import locate_tag_line
from .transform import apply_stages, transform_edits, transform_html

__all__ = [
    "CaptionStyle",
    "Setup",
    "TransformIssue",
    "TransformOptions",
    "TransformStats",
    "apply_stages",
    "has_candidates",
    "locate_tag_line",
    "make_setup",
    "plain_text",
    "sanitize_inline",
    "transform_edits",
    "transform_html",
]
