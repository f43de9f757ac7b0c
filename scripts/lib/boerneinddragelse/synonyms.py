"""The readers' words for the site's words, kept as data in the glossary file (scripts/data/ordliste.yml):

- serviceloven's old words (``gamle_ord`` of a concept) stand for the concept's Danish term
  (``handleplan`` -> ``barnets plan``);
- everyday words (``synonymer``) stand for the word the site uses (``sagsbehandler`` -> ``rådgiver``).

Site search and the catalogue's free-text filter read them through one query expansion
(readers_words.expand, Soegeanalyse.expand); the browser gets them generated (browser_constants). Every
target must be a word the site uses, else the search would send the reader nowhere: checked with the
data files (data_checks), reported with file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import analysis, data_files, glossary, readers_words
from .paths import DATA_DIR
from .problems import Problem
from .readers_words import Synonym

KEY = "synonymer"


def _entries(raw: Any, path: Path) -> tuple[list[tuple[Synonym, int]], list[Problem]]:
    entries = raw.get(KEY, []) if isinstance(raw, dict) else []
    if not isinstance(entries, list):
        return [], [data_files.problem(path, 1, f"»{KEY}:« skal være en liste af ord og det ord, hjemmesiden bruger.")]
    found, problems = [], []
    for entry in entries:
        line = entry.line if isinstance(entry, data_files.Lined) else 1
        sources = entry.get("ord") if isinstance(entry, dict) else None
        target = entry.get("se") if isinstance(entry, dict) else None
        sources = [sources] if isinstance(sources, str) else sources
        if not isinstance(sources, list) or not all(isinstance(s, str) and analysis.words(s) for s in sources or [""]):
            message = "Et synonym skal have »ord:« (et ord eller en liste af ord)."
            problems.append(data_files.problem(path, line, message))
            continue
        if not isinstance(target, str) or not analysis.required_words(target):
            problems.append(data_files.problem(path, line, "Et synonym skal have »se:«: det ord, hjemmesiden bruger."))
            continue
        found += [(Synonym(tuple(analysis.words(s)), target.strip(), False, s.strip()), line) for s in sources]
    return found, problems


def read(data_dir: Path = DATA_DIR) -> tuple[list[tuple[Synonym, int]], list[Problem]]:
    """Every synonym with its line in the file: the concepts' old words, then the everyday words."""
    path = data_dir / glossary.FILE
    concepts, _ = glossary.read(data_dir)  # the glossary's own problems are reported with the data files
    found = [
        (Synonym(tuple(analysis.words(old)), concept.term(), True, old), concept.line)
        for concept in concepts
        for old in concept.old_words
        if analysis.words(old)
    ]
    try:
        raw = data_files.load(glossary.FILE, data_dir)
    except data_files.DataError:
        return found, []  # glossary.read has reported it
    everyday, more = _entries(raw, path)
    return found + everyday, more


def synonyms(data_dir: Path = DATA_DIR) -> tuple[Synonym, ...]:
    return tuple(synonym for synonym, _ in read(data_dir)[0])


def unknown_targets(lexicon: analysis.Lexicon, data_dir: Path = DATA_DIR) -> list[Problem]:
    """A Danish problem, with the line, for each synonym whose target has a word the site never uses."""
    path = data_dir / glossary.FILE
    problems = []
    for synonym, line in read(data_dir)[0]:
        missing = [word for word in synonym.target_words if not readers_words.found_in(word, lexicon.known)]
        if missing and not synonym.old:
            problems.append(
                data_files.problem(
                    path,
                    line,
                    f"»{synonym.target}« skal være ord, hjemmesiden bruger, men »{'«, »'.join(missing)}« står ikke på "
                    "nogen side. Vælg det ord, siderne bruger.",
                )
            )
    return problems


def for_browser(data_dir: Path = DATA_DIR) -> list[dict[str, Any]]:
    """The synonyms as the browser reads them (soegekonstanter.js)."""
    return [{"ord": list(s.source), "se": s.target, "gammelt": s.old, "tekst": s.text} for s in synonyms(data_dir)]
