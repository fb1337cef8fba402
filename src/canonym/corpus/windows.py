"""Long documents: tagged window by window, so the work on one document stays bounded.

Finding names folds the whole text with an offset map, and settles partial names against
every earlier mention of the document: both grow with the document. A document longer
than :data:`WINDOW_CHARACTERS` is therefore cut into windows of at most that size, at the
last paragraph break (else line break, sentence end, space) of each window, and each
window is tagged as a document of its own; offsets are then shifted back, so
``text[start:end] == surface`` holds for the whole document. The one difference from
tagging it whole: a partial name ("Soleimani") is settled by a fuller mention in its own
window only. Real articles and reports are far below the size, and are tagged whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from canonym.corpus.mentions import Mention
    from canonym.corpus.tagger import Tagger

#: The longest text tagged in one piece (characters); about 150 MB of working memory at worst.
WINDOW_CHARACTERS = 1_000_000
#: Where a window may end, best first: a paragraph break, a line break, a sentence end, a space.
_BREAKS = ("\n\n", "\n", ". ", " ")


def windows(text: str, size: int = WINDOW_CHARACTERS) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of consecutive windows that cover ``text``, each at most ``size`` long.

    A window ends just after the last break of the best kind found in its second half (a cut
    in the middle of a word only when that half holds no space at all), so the search looks
    at each character a bounded number of times.

    >>> list(windows("aa bb.\\ncc dd", 8))
    [(0, 7), (7, 12)]
    """
    if size < 2:
        raise ValueError(f"window size must be at least 2, not {size}")
    start, total = 0, len(text)
    while total - start > size:
        end = start + size
        cut = end
        for mark in _BREAKS:
            found = text.rfind(mark, start + size // 2, end)
            if found != -1:
                cut = found + len(mark)
                break
        yield start, cut
        start = cut
    yield start, total


def tag_long_document(tagger: Tagger, doc_id: str, text: str, size: int = WINDOW_CHARACTERS) -> list[Mention]:
    """The mentions of one document, tagged window by window when it is longer than ``size``.

    Offsets refer to the whole ``text``; unknown names are not yet clustered (as
    :meth:`~canonym.corpus.tagger.Tagger.iter_document_mentions` leaves them, which windows
    every long document this way).
    """
    return next(iter(tagger.iter_document_mentions([(doc_id, text)], window=size)))
