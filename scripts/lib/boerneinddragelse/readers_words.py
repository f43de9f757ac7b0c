"""The readers' own words: what a reader types that the site does not say, found all the same.

- a synonym or an old word (``expand``): serviceloven's ``handleplan`` is found by the site's
  ``barnets plan``, an everyday ``sagsbehandler`` by ``rådgiver`` (the vocabulary is data: synonyms);
- a misspelling or a keyboard without æøå (``corrections``): a word that finds nothing is looked for
  among the site's words with æ, ø, å and their keyboard variants folded to one spelling and one edit
  (5–8 letters) or two (from 9) allowed.

Part of the analyser (analysis.matches uses it); Soegeanalyse in soegeanalyse.js does the same, and
the shared fixture tests/search/analyser_cases.yaml holds them together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import analysis

# A keyboard without æøå, or a Swedish or German one: the letters a reader types instead, folded
# to one spelling on both sides before words are compared (``boern``, ``born``, ``börn`` -> ``born``).
KEYBOARD_FOLDS = (("æ", "ae"), ("ä", "ae"), ("ø", "o"), ("ö", "o"), ("å", "a"), ("aa", "a"), ("oe", "o"))
MIN_ONE_EDIT = 5  # letters of a typed word from which one letter may be wrong, missing or extra
MIN_TWO_EDITS = 9  # ... and from which two may
MAX_CORRECTIONS = 5  # site words a misspelt word may stand for


def fold(word: str) -> str:
    """A normalised word with the keyboard variants of æ, ø and å folded to one spelling."""
    for variant, folded in KEYBOARD_FOLDS:
        word = word.replace(variant, folded)
    return word


def max_edits(word: str) -> int:
    """The edits a typed word of this length may be away from a site word: 0, 1 (5–8 letters) or 2."""
    return 2 if len(word) >= MIN_TWO_EDITS else 1 if len(word) >= MIN_ONE_EDIT else 0


def within_edits(a: str, b: str, limit: int) -> int | None:
    """The edit distance of a and b (a swap of two neighbours is one edit), or None when above limit.

    Only a band of 2 * limit + 1 cells per row is filled, and a row wholly above limit stops it:
    time O(len(a) * limit), whatever the words."""
    if abs(len(a) - len(b)) > limit:
        return None
    big = limit + 1
    before: list[int] = []
    previous = [j if j <= limit else big for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        row = [big] * (len(b) + 1)
        row[0] = i if i <= limit else big
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            row[j] = min(value, big)
        if min(row) > limit:
            return None
        before, previous = previous, row
    return previous[len(b)] if previous[len(b)] <= limit else None


def corrections(word: str, vocabulary: Iterable[str]) -> list[str]:
    """The site words a typed word may stand for: those fewest edits away once æ, ø and å are folded
    (at most max_edits; none for a word the vocabulary has, one with digits or one longer than
    analysis.MAX_COMPOUND), alphabetical, at most MAX_CORRECTIONS."""
    word = analysis.normalise(word)
    if not word.isalpha() or len(word) > analysis.MAX_COMPOUND:
        return []
    typed, limit = fold(word), max_edits(word)
    found: dict[int, list[str]] = {}
    for candidate in vocabulary:
        if candidate == word:
            return []
        if len(candidate) < analysis.MIN_MODIFIER or not candidate.isalpha():
            continue
        distance = within_edits(typed, fold(candidate), limit)
        if distance is not None:
            found.setdefault(distance, []).append(candidate)
    return sorted(found[min(found)])[:MAX_CORRECTIONS] if found else []


@dataclass(frozen=True)
class Synonym:
    """A word readers type (``handleplan``) and the site's word for it (``barnets plan``)."""

    source: tuple[str, ...]  # the reader's word, as normalised words (``§ 50-undersøgelse``: 50, undersøgelse)
    target: str  # the site's word or words
    old: bool = False  # serviceloven's word, which the target replaced
    text: str = ""  # the reader's word as written in the data (``§ 50-undersøgelse``), for labels

    @property
    def target_words(self) -> list[str]:
        return analysis.required_words(self.target)


@dataclass(frozen=True)
class Slot:
    """One thing a reader asked for: a typed word, or the typed words of one synonym's source."""

    words: tuple[str, ...]
    synonyms: tuple[Synonym, ...] = ()


def _source_at(typed: list[str], at: int, synonym: Synonym) -> int:
    """How many typed words from ``at`` are the synonym's source (inflected, or a one-word source typed
    as two words: ``tvangs anbringelse``); 0 if they are not."""
    source = [analysis.stem(word) for word in synonym.source]
    if [analysis.stem(word) for word in typed[at : at + len(source)]] == source:
        return len(source)
    if len(source) == 1 and at + 1 < len(typed) and analysis.stem(typed[at] + typed[at + 1]) == source[0]:
        return 2
    return 0


def expand(query: str, synonyms: Iterable[Synonym]) -> list[Slot]:
    """The typed words that count (required_words), with the synonyms whose source they are: a run of
    words that is a source becomes one slot, the longest source first."""
    typed, slots, at = analysis.required_words(query), [], 0
    ordered = sorted(synonyms, key=lambda s: -len(s.source))
    while at < len(typed):
        width = max((_source_at(typed, at, s) for s in ordered), default=0)
        if not width:
            slots.append(Slot((typed[at],)))
            at += 1
            continue
        found = tuple(s for s in ordered if _source_at(typed, at, s) == width)
        slots.append(Slot(tuple(typed[at : at + width]), found))
        at += width
    return slots


def found_in(word: str, vocabulary: Iterable[str]) -> bool:
    """Does a typed word match any word of the vocabulary (the matching rule, without compound parts)?"""
    term = analysis.stem(analysis.normalise(word))
    return any(w.startswith(term) if len(term) >= analysis.MIN_PREFIX else w == term for w in vocabulary)


def alternatives(slot: Slot, vocabulary: list[str] | None = None) -> list[tuple[str, ...]]:
    """The ways a slot may be found: its typed words, each synonym's target words, and, for one typed
    word that finds nothing in the vocabulary and has no synonym, each of its corrections."""
    found = [slot.words, *(tuple(s.target_words) for s in slot.synonyms)]
    lost = len(slot.words) == 1 and not slot.synonyms and vocabulary is not None
    if lost and not found_in(slot.words[0], vocabulary):
        found += [(word,) for word in corrections(slot.words[0], vocabulary)]
    return found
