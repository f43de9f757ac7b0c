"""The site's one Danish text analyser, used at build time (search index, catalogue).

Its JavaScript twin, docs/assets/javascripts/soegeanalyse.js, analyses what a reader types (site
search and the catalogue's free-text filter). Both sides agree through the shared fixture
tests/search/analyser_cases.yaml, which the analyser's tests check in Python and, for the twin,
in Chromium.

How a reader's word finds a page (the same rule in the search worker and the catalogue filter):

- both sides normalise (Unicode NFC, lower case) and split words on the same separator;
- the reader's word is reduced to its Snowball stem (Danish, or English on the English site) and
  matches every word of the page that starts with that stem: inflections (``samtalerne`` ->
  ``samtal`` -> ``samtale``, ``samtalen``) and compounds that begin with it (``børne`` ->
  ``børneinddragelse``); a single letter is not yet the start of a word and matches only itself;
- a compound's later parts are found through index-only terms computed here: the stems of its
  heads (``netværksmøde`` -> ``mød``), matched only as whole stems of at least
  ``MIN_PART_STEM`` letters, so short fragments never match inside unrelated words.

Compounds are split with a lexicon of the words the site itself uses (``Lexicon.from_texts``):
no word list to keep in step with the content, and every part is a word a reader meets on the site.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from . import readers_words  # imports this module back; each uses the other's names only when called

# Everything that is not a letter or digit of a Latin script separates words. Written as a
# JavaScript-compatible character class (no \p{...}, no \w) because the search worker hands it to
# lunr as `new RegExp(separator)`; the browser gets it from the generated constants (browser_constants).
SEPARATOR = "[^0-9A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F]+"
_SEPARATOR = re.compile(SEPARATOR)

MIN_HEAD = 4  # letters of a compound's head (``plan``, ``møde``); shorter heads match too much
MIN_MODIFIER = 3  # letters of a first part before its linking letter (``sag`` in ``sags|behandling``)
MIN_FREE_MODIFIER = 4  # letters of a first part without a linking letter (``bil|leder`` is ``billeder``)
MIN_PART_STEM = 3  # a head's stem must be this long to be indexed and matched
MIN_PREFIX = 2  # a typed word this short is not yet the start of a word: it matches whole words only
MIN_UNKNOWN_HEAD = 5  # a head the site never uses alone is trusted from this length on (``konvention``)
MIN_LINKED_MODIFIER = 4  # ... and only after a known word of this length and a linking letter
MAX_COMPOUND = 40  # letters; longer "words" (URLs, numbers run together) are not split
LINKING_LETTERS = ("s", "e")  # ``netværks|møde``, ``børne|inddragelse``
# First parts with these endings always take a linking s (``-ions``, ``-ings``, ``-heds``, ``-elses``).
LINKING_S_ENDINGS = ("ions", "ings", "heds", "elses", "tets", "doms", "skabs")

# Prefixes and particles that make derived words, not compounds: ``for|ældre``, ``sam|tale``,
# ``over|gang``. Splitting there would let ``tale`` find ``samtale``. Linguistic, not content.
_PREFIXES = """af an be bi efter er for fore fra frem gen gennem hen ind mis med mod ned om op over sam til u ud
    under van ved"""
DERIVATIONAL_PREFIXES = frozenset(_PREFIXES.split())
# Snowball's Danish stop words: the list lunr.da filters out of the search index (tests/test_analysis.py
# compares it with Material's lunr.da). A typed query does not require them (``matches``).
_STOP_WORDS = """ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din disse dog
    du efter eller en end er et for fra ham han hans har havde have hende hendes her hos hun hvad hvis hvor i ikke
    ind jeg jer jo kunne man mange med meget men mig min mine mit mod ned noget nogle nu når og også om op os over
    på selv sig sin sine sit skal skulle som sådan thi til ud under var vi vil ville vor være været"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
# Words that are never a compound's part: the stop words and a few adverbs and pronouns that end many
# unrelated words (``saml|ingen``, ``forskel|lige``).
FUNCTION_WORDS = STOP_WORDS | frozenset(["ingen", "lige", "mest", "mere", "tager"])
# Endings that make derived words, not compounds: ``kend|skab``, ``menings|fuldt``, ``arbejds|løs``,
# ``inddrag|else``.
_SUFFIXES = "skab skaber fuld fuldt løs løse mæssig mæssige agtig hed heder heden ende else"


def normalise(text: str) -> str:
    """NFC and lower case: what lunr does to the index's words (``toLowerCase``), and the same in JS."""
    return unicodedata.normalize("NFC", text).lower()


def words(text: str) -> list[str]:
    """The normalised words of a text, split on SEPARATOR."""
    return [word for word in _SEPARATOR.split(normalise(text)) if word]


@lru_cache(maxsize=1)
def _danish() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("danish")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball's Danish stem of one normalised word (``samtalerne`` -> ``samtal``)."""
    return _danish().stemWord(word)


def query_term(word: str) -> str:
    """What a typed Danish word becomes before it is matched: its normalised stem, cut to the part it
    shares with the word (it is matched as a prefix; Snowball's Danish stems are prefixes anyway)."""
    normalised = normalise(word)
    stemmed = stem(normalised)
    shared = next((i for i, (a, b) in enumerate(zip(normalised, stemmed, strict=False)) if a != b), len(stemmed))
    return stemmed[:shared]


_SUFFIX_STEMS = frozenset(stem(word) for word in _SUFFIXES.split())


def _usable(word: str) -> bool:
    return word not in FUNCTION_WORDS and word not in DERIVATIONAL_PREFIXES


@dataclass
class Lexicon:
    """The words a compound may be made of: the site's own words (and their stems)."""

    known: frozenset[str] = field(default_factory=frozenset)
    known_stems: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Lexicon:
        found: set[str] = set()
        for text in texts:
            found.update(word for word in words(text) if len(word) >= MIN_MODIFIER and word.isalpha())
        return cls(frozenset(found), frozenset(stem(word) for word in found))

    def is_word(self, word: str) -> bool:
        """A word of the site, in this form or another form of it (``styrelsens`` after ``styrelsen``)."""
        if word in self.known:
            return True
        root = stem(word)
        return len(root) >= MIN_HEAD and root in self.known_stems

    def is_modifier(self, part: str) -> bool:
        """A first part: a known word of MIN_FREE_MODIFIER letters (``handle``, ``børne``), or one of
        MIN_MODIFIER letters with a linking letter (``sags``); never a prefix or function word."""
        if len(part) >= MIN_FREE_MODIFIER and part in self.known and _usable(part):
            return True
        bare = part[:-1]
        return part[-1:] in LINKING_LETTERS and len(bare) >= MIN_MODIFIER and bare in self.known and _usable(bare)

    def split(self, word: str) -> list[str]:
        """A compound's parts, longest head first (``netværksmøde`` -> ``netværks``, ``møde``).

        A word that is not a compound of known words comes back whole.
        """
        return list(_split(word, self))

    def __hash__(self) -> int:
        return id(self)


def _is_head(head: str, lexicon: Lexicon) -> bool:
    return _usable(head) and stem(head) not in _SUFFIX_STEMS and lexicon.is_word(head)


@lru_cache(maxsize=200_000)
def _split(word: str, lexicon: Lexicon) -> tuple[str, ...]:
    # A known head after a known first part (or a chain of them): ``netværks|møde``.
    for start in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
        head = word[start:]
        if _is_head(head, lexicon):
            first = _modifier_parts(word[:start], lexicon)
            if first:
                return (*first, head)
    # A head the site never uses alone, after a first part that is surely one: a known word with a
    # linking s (``professions|højskoler``), or a linking e where both forms are known words
    # (``børne|konvention``; not ``skabe|lonerne``, since ``skab`` is no word of the site).
    for start in range(MIN_LINKED_MODIFIER + 1, len(word) - MIN_UNKNOWN_HEAD + 1):
        modifier, head = word[:start], word[start:]
        bare = modifier[:-1]
        if not _usable(head) or stem(head) in _SUFFIX_STEMS or not _usable(bare) or bare not in lexicon.known:
            continue
        if modifier[-1] == "s" or (modifier[-1] == "e" and modifier in lexicon.known):
            return (modifier, head)
    # Danish puts a linking s after these endings (``kommunikations|former``, ``myndigheds|området``):
    # there the word splits even when neither part is a word of the site (``professions|højskoler``).
    for start in range(MIN_LINKED_MODIFIER + 1, len(word) - MIN_UNKNOWN_HEAD + 1):
        modifier, head = word[:start], word[start:]
        if modifier.endswith(LINKING_S_ENDINGS) and _usable(head) and stem(head) not in _SUFFIX_STEMS:
            return (modifier, head)
    # A long known head after a linking s, whatever comes before: ``lands|foreningen``.
    for start in range(MIN_MODIFIER + 1, len(word) - MIN_UNKNOWN_HEAD + 1):
        modifier, head = word[:start], word[start:]
        if modifier[-1] == "s" and _usable(modifier[:-1]) and _is_head(head, lexicon):
            return (modifier, head)
    return (word,)


@lru_cache(maxsize=200_000)
def _modifier_parts(modifier: str, lexicon: Lexicon) -> tuple[str, ...]:
    """A compound's first part as known words, each possibly with a linking letter; empty if none."""
    if lexicon.is_modifier(modifier):
        return (modifier,)
    for start in range(MIN_MODIFIER, len(modifier) - MIN_MODIFIER + 1):
        tail = modifier[start:]
        if lexicon.is_modifier(tail):
            first = _modifier_parts(modifier[:start], lexicon)
            if first:
                return (*first, tail)
    return ()


def compound_terms(word: str, lexicon: Lexicon) -> set[str]:
    """Index-only terms of one word: the stems of its heads and later parts, not of the whole word.

    ``børnesamtalemetode`` (børne + samtale + metode) -> ``samtalemetod``, ``samtal``, ``metod``;
    a head that is itself a compound gives its parts too (``forældre|lands|foreningen``).
    """
    return set(_compound_terms(word, lexicon))


@lru_cache(maxsize=200_000)
def _compound_terms(word: str, lexicon: Lexicon) -> frozenset[str]:
    """compound_terms, once per word: a site repeats its words on many pages (and per language)."""
    if len(word) > MAX_COMPOUND:
        return frozenset()
    parts = lexicon.split(word)
    terms: set[str] = set()
    for index in range(1, len(parts)):
        for later in ("".join(parts[index:]), parts[index]):
            terms.add(stem(later))
            if later != word:
                terms.update(_compound_terms(later, lexicon))
    return frozenset(term for term in terms if len(term) >= MIN_PART_STEM)


def index_terms(text: str, lexicon: Lexicon) -> list[str]:
    """The index-only terms of a text: compound parts that prefix matching cannot reach, sorted."""
    return list(_index_terms(text, lexicon))


# A build asks for the same texts several times: Material writes the search index once per language
# build, and the catalogue and the recommendations list the same examples.
@lru_cache(maxsize=50_000)
def _index_terms(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    terms: set[str] = set()
    for word in set(words(text)):
        if len(word) >= MIN_MODIFIER + MIN_HEAD and word.isalpha():
            terms.update(_compound_terms(word, lexicon))
    return tuple(sorted(terms))


def matches(
    query: str,
    text: str,
    lexicon: Lexicon,
    synonyms: Iterable[readers_words.Synonym] = (),
    vocabulary: Iterable[str] | None = None,
) -> bool:
    """The matching rule of both searches, for one text: every typed word but the stop words (see
    required_words) has a stem that starts a word of the text (is the word, when shorter than
    MIN_PREFIX: a lone letter), or equals one of its compound parts of MIN_PART_STEM letters or more.
    A typed synonym's source (readers_words.expand) is also found by its target's words; a typed word
    that finds nothing in the vocabulary of all texts searched (when given) is found by its corrections.

    Soegeanalyse.matcher in soegeanalyse.js is the same rule (the catalogue filter uses it as is;
    the search worker ranks by it); the shared fixture holds them together.
    """
    text_words = words(text)
    parts = set(index_terms(text, lexicon))

    def has(word: str) -> bool:
        term = stem(word)
        return any(w.startswith(term) if len(term) >= MIN_PREFIX else w == term for w in text_words) or (
            len(term) >= MIN_PART_STEM and term in parts
        )

    known = sorted(set(vocabulary)) if vocabulary is not None else None
    return all(
        any(all(has(word) for word in alternative) for alternative in readers_words.alternatives(slot, known))
        for slot in readers_words.expand(query, synonyms)
    )


def required_words(query: str) -> list[str]:
    """The typed words a text must have: all but the stop words (all of them if there is nothing else)."""
    typed = words(query)
    return [word for word in typed if word not in STOP_WORDS] or typed
