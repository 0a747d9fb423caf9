"""What a page's transform reports: counts, and the slips found in the author's markup."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["TransformIssue", "TransformStats"]


@dataclass(frozen=True)
class TransformIssue:
    """A problem in the author's markup, for a warning that names the file and line.

    Attributes:
        tag: `tweet` or `small`.
        closing: Whether the tag at fault is a closing tag.
        ordinal: Which of the page's tags of this kind (`tag`, `closing`) it is, from 0,
            counting only tags outside code.
        total: How many tags of this kind the page has (outside code).
        message: What is wrong and what to do, without the file name.
    """

    tag: str
    closing: bool
    ordinal: int
    total: int
    message: str


@dataclass
class TransformStats:
    """What one page's transform did.

    Attributes:
        tweets: Quotes turned into tweet admonitions.
        captions: Images given a caption.
        issues: Problems to report to the author.
    """

    tweets: int = 0
    captions: int = 0
    issues: list[TransformIssue] = field(default_factory=list)
