"""What a page cites: references to sections of the law (``§ 5``, ``§§ 46–48``) and links to
other websites. The content guards in tests/test_content_guards.py check them against the
data in scripts/data/ (reference_data.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown
import yaml

from .reference_data import LegalBasis
from .site import load_site

_SPACES = " \t\u00a0\u202f"  # ordinary, no-break and narrow no-break spaces
_RANGE_MARKS = "-–—"  # hyphen, en dash, em dash
_LIST_WORDS = (",", "og", "samt")  # "§§ 46, 47 og 48"
_MAX_DIGITS = 9


@dataclass(frozen=True)
class ParagraphReference:
    offset: int  # where the § sign is in the text
    text: str  # the reference as written, e.g. "§§ 46–48"
    spans: tuple[tuple[int, int], ...]  # (first, last) section numbers it names


def _skip_spaces(text: str, index: int) -> int:
    while index < len(text) and text[index] in _SPACES:
        index += 1
    return index


def _number(text: str, index: int) -> tuple[int | None, int]:
    end = index
    while end < len(text) and text[end].isascii() and text[end].isdigit():
        end += 1
    if end == index:
        return None, index
    # A run of digits longer than any section number is read as one number no list holds
    # (int() refuses very long digit strings).
    return (int(text[index:end]) if end - index <= _MAX_DIGITS else 10**_MAX_DIGITS), end


def _span(text: str, index: int) -> tuple[tuple[int, int] | None, int]:
    """``46`` or ``46–48`` at index; reversed runs are read as their two ends."""
    first, after = _number(text, index)
    if first is None:
        return None, index
    probe = _skip_spaces(text, after)
    if probe < len(text) and text[probe] in _RANGE_MARKS:
        last, end = _number(text, _skip_spaces(text, probe + 1))
        if last is not None:
            return (first, last) if last >= first else (last, first), end
    return (first, first), after


def _next_list_item(text: str, index: int) -> int | None:
    """The start of the next number after ``, `` or `` og `` in a plural reference, if any."""
    probe = _skip_spaces(text, index)
    for word in _LIST_WORDS:
        if text.startswith(word, probe):
            after = probe + len(word)
            if word.isalpha() and after < len(text) and text[after].isalpha():
                continue  # "ogs…" is a word, not "og"
            start = _skip_spaces(text, after)
            if start < len(text) and text[start].isascii() and text[start].isdigit():
                return start
    return None


def paragraph_references(text: str) -> list[ParagraphReference]:
    """Every ``§ N`` and ``§§ N–M, K og L`` in text, in one pass (each character is read a bounded
    number of times, so long lines cost linear time). A § sign without a number is skipped."""
    found = []
    index = text.find("§")
    while index != -1:
        cursor = index + 1
        plural = cursor < len(text) and text[cursor] == "§"
        if plural:
            cursor += 1
        spans = []
        span, cursor = _span(text, _skip_spaces(text, cursor))
        while span is not None:
            spans.append(span)
            following = _next_list_item(text, cursor) if plural else None
            if following is None:
                break
            span, cursor = _span(text, following)
        if spans:
            found.append(ParagraphReference(index, text[index:cursor], tuple(spans)))
        index = text.find("§", max(cursor, index + 1))
    return found


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value for name, value in attrs if name in ("href", "src") and value]


# The Markdown extensions of mkdocs.yml that change what becomes a link.
_EXTENSIONS = ["abbr", "attr_list", "def_list", "md_in_html", "tables", "admonition"]


def link_targets(markdown_text: str) -> list[str]:
    """Every href and src in a page body, found by rendering it with Python-Markdown."""
    parser = _Hrefs()
    parser.feed(markdown.markdown(markdown_text, extensions=_EXTENSIONS))
    parser.close()
    return parser.urls


def strings_in(value: Any) -> Iterator[str]:
    """Every string in parsed YAML (front matter or a data file), however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def is_external(url: str) -> bool:
    return urlsplit(url.strip()).scheme.lower() in ("http", "https")


def domain_allowed(url: str, domains: frozenset[str]) -> bool:
    """True if the URL's host is one of domains or a subdomain of one."""
    host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def unlisted_references(docs_dir: Path, basis: LegalBasis, display_prefix: str = "docs/") -> list[str]:
    """``path:line: § …`` for every § reference in docs_dir's pages that basis does not list."""
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for reference in paragraph_references(text):
            if not all(basis.covers(first, last) for first, last in reference.spans):
                where = f"{display_prefix}{path.relative_to(docs_dir).as_posix()}:{_line_of(text, reference.offset)}"
                found.append(f"{where}: {reference.text}")
    return found


def outside_links(docs_dir: Path, data_dir: Path, domains: frozenset[str]) -> list[str]:
    """``file: url`` for every link to another website, in pages or data files, whose domain is
    not on the allow-list. Pages are read through the content model (front matter and body)."""
    found = []
    for page in load_site(docs_dir).pages:
        urls = [*strings_in(page.meta), *link_targets(page.front.body)]
        found += [f"{page.path}: {url}" for url in urls if is_external(url) and not domain_allowed(url, domains)]
    for path in sorted(data_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [
            f"{path.name}: {url}" for url in strings_in(data) if is_external(url) and not domain_allowed(url, domains)
        ]
    return found
