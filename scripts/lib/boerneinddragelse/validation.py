"""The editors' validator: the content model's rules plus links, images, HTML, translations and files.

boerneinddragelse.site (shared with the MkDocs hooks) checks front matter and the rules between fields and
pages; this module adds what only the validator checks. Every problem carries a stable rule id
from RULES, which CONTRIBUTING.md explains to editors (scripts/export_schemas.py writes that table).

Heading anchors and links are found with a small line scanner rather than by rendering each page
with Python-Markdown: rendering needs the build's extension configuration and is much slower, and
MkDocs' strict build still checks the rendered result on every pull request.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.toc import unique as toc_unique

from . import data_checks, vocabulary
from .code_blanking import blank_code_spans, blank_comments, blank_fences
from .filenames import MARKDOWN_EXTENSIONS, stray_markdown_problems
from .html_policy import (
    ALLOWED_ELEMENTS,
    MARKDOWN_ATTRIBUTES,
    RESERVED_ID_PREFIX,
    URL_SCHEMES,
    allowed_attribute,
    is_url_attribute,
    url_scheme,
)
from .model import DEFAULT_LANGUAGE, PAGE_TYPES, PRAKSISEKSEMPEL, heading_slug, split_language
from .problems import ERROR, WARNING, Problem
from .render import MARKER, MARKERS, marker_argument_errors, marker_arguments
from .rules import MAX_EMPHASIS_RUN, MAX_IMAGE_BYTES, MAX_LINE_CHARS, MAX_MARKDOWN_DEPTH, MAX_MARKUP_COST, Rule
from .rules.files import FOLDER_NAMED_AS_PAGE, INTERNAL_ERROR, SYMLINK_OUTSIDE, WRONG_FOLDER
from .rules.links import (
    ABSOLUTE_LINK,
    EXTERNAL_IMAGE,
    IMAGE_TOO_LARGE,
    IMAGE_WITHOUT_ALT,
    JAVASCRIPT_LINK,
    LINK_TO_DANISH_ONLY,
    LINK_TO_TRANSLATION,
    MISSING_ANCHOR,
    MISSING_FILE,
    MISSING_IMAGE,
    MISSING_LINK_TARGET,
    URL_SCHEME,
)
from .rules.markup import HTML_ATTRIBUTE, HTML_ELEMENT, MARKDOWN_DEPTH, MARKDOWN_HEAVY, MARKER_ARGUMENT, UNKNOWN_MARKER
from .rules.pages import (
    DUPLICATE_PAGE,
    FILE_NAME_NUMBER,
    MUNICIPALITY_IN_ILLUSTRATIVE,
    TEMPLATE_TEXT,
    TRANSLATION_DISAGREES,
    TRANSLATION_WITHOUT_ORIGINAL,
    UNREACHABLE_PAGE,
)
from .settings import CONFIG_FILE, check_config_file
from .site import Site, SourcePage, check_site, load_page, markdown_files
from .templates import DESCRIPTION_PLACEHOLDER

# The generated index each index-only section needs (content_hooks.INDEX_ONLY_FOLDERS).
_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"  # [text] or ![alt], with one level of nested brackets
    # The target stops at brackets and allows one level of parentheses, as in javascript:alert(1): a run of
    # »[a](« then costs one step each instead of a scan to the end of the line.
    r"\([ \t]*(<[^<>\n]*>|(?:[^\s()\[\]]|\([^\s()]*\))*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\)"
)
_REFERENCE = re.compile(r"^[ ]{0,3}\[([^\]\n^][^\]\n]*)\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
_SETEXT = re.compile(r"^[ ]{0,3}(=+|-+)[ \t]*$")
# No two neighbouring parts of these patterns match the same characters, so a long line of spaces or
# braces is scanned once (the validator is tested with 100,000-character lines).
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_HEADING_ATTRS = re.compile(r"\{:?([^{}\n]*)\}[ \t]*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
# A word of letters, hyphenated parts included (»Høje-Taastrup«); no nested quantifiers, so linear.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _heading_slug(text: str) -> str:
    """The id the build gives a heading: model.slugify, which the hooks hand to the toc extension."""
    # Each bracket class excludes its own opening character, so a line of many [ or < is scanned once.
    text = re.sub(r"!\[[^\[\]]*\]\([^()]*\)", "", text)  # images have no text
    text = re.sub(r"\[([^\[\]]*)\](?:\([^()]*\)|\[[^\[\]]*\])", r"\1", text)  # links keep their text
    text = re.sub(r"`+", "", text)
    text = re.sub(r"<[^<>]+>", "", text)
    # Emphasis, not \_ or snake_case; a run of _ is only tried from its start, and whole.
    text = re.sub(r"(?<!\\)\*+|~~|(?<![\w\\])_+|(?<![\\_])_++(?!\w)", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return heading_slug(html.unescape(text))


def _atx(line: str) -> tuple[int, str] | None:
    """The level and text of an ATX heading (``## Titel ##``), or None. String methods instead of a regular
    expression: a pattern with a lazy group before trailing blanks is quadratic on a line of many spaces."""
    stripped = line.lstrip(" \t")
    level = len(stripped) - len(stripped.lstrip("#"))
    rest = stripped[level:]
    if not 1 <= level <= 6 or (rest and rest[0] not in " \t"):
        return None
    text = rest.strip(" \t")
    closed = text.rstrip("#")
    if not closed:
        return level, ""
    if closed != text and closed[-1] in " \t":
        return level, closed.rstrip(" \t")
    return level, text


def _atx_heading(line: str) -> str | None:
    heading = _atx(line)
    return heading[1] if heading else None


def _attr_ids(attributes: str) -> list[str]:
    return [token[1:] for token in attributes.split() if token.startswith("#") and len(token) > 1]


# Elements that never contain others, or whose end tag may be left out: they do not count towards nesting.
_UNNESTED = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"})
_UNNESTED |= {"track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option"}


# A start or end tag, found without Python's HTMLParser, which is quadratic on many unfinished tags
# (»<a <a <a …«). Attribute names and values cannot contain »<«, so a failed match ends at the next tag.
_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)"
    r"((?:[\s/]+[^\s/>\"'=<]+(?:\s*=\s*(?:\"[^\"<]*\"|'[^'<]*'|[^\s\"'=<>`]+))?)*)[\s/]*>"
)
_ATTRIBUTE = re.compile(r"([^\s/>\"'=<]+)(?:\s*=\s*(?:\"([^\"<]*)\"|'([^'<]*)'|([^\s\"'=<>`]+)))?")


class _HtmlTags:
    """Start tags with their attributes and positions (1-based line, 0-based column), and where elements first
    nest deeper than MAX_MARKDOWN_DEPTH. Names are lower case and values unescaped, as HTMLParser gives them."""

    def __init__(self, text: str, line_starts: list[int]) -> None:
        self.tags: list[tuple[str, list[tuple[str, str | None]], tuple[int, int]]] = []
        self.too_deep: tuple[int, int] | None = None
        depth = 0
        for match in _TAG.finditer(text):
            closing, tag = match.group(1) == "/", match.group(2).lower()
            line = bisect_right(line_starts, match.start())
            position = (line, match.start() - line_starts[line - 1])
            if closing:
                depth -= tag not in _UNNESTED and depth > 0
                continue
            attributes = [
                (
                    a.group(1).lower(),
                    None
                    if a.group(2, 3, 4) == (None, None, None)
                    else html.unescape(a.group(2) or a.group(3) or a.group(4) or ""),
                )
                for a in _ATTRIBUTE.finditer(match.group(3))
            ]
            self.tags.append((tag, attributes, position))
            if tag not in _UNNESTED and not match.group().endswith("/>"):
                depth += 1
                if depth > MAX_MARKDOWN_DEPTH and self.too_deep is None:
                    self.too_deep = position


# The container prefix of a line: indentation, quote markers and list markers (each alternative starts
# with a different character, so the scan is linear however long the line).
_CONTAINER_PREFIX = re.compile(r"(?:[ \t>]|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t]))*")
_LIST_MARKER = re.compile(r"[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t])")
_THEMATIC_BREAK = re.compile(r"[ \t]*(?:[-*_][ \t]*){3,}")
_INLINE_TOKEN = re.compile(r"\\.|[\[\]]|\*+|_+|\n[ \t]*\n")


def _deep_lines(text: str) -> tuple[int, str] | None:
    """Lists and block quotes nested deeper than MAX_MARKDOWN_DEPTH (4 columns of indentation count as a level)."""
    offset = 0
    for line in text.split("\n"):
        if not line.strip():  # blank, or a masked code block
            offset += len(line) + 1
            continue
        prefix = _CONTAINER_PREFIX.match(line).group()  # type: ignore[union-attr]
        # Every level takes at least one character, so short prefixes need no closer look.
        if len(prefix) > MAX_MARKDOWN_DEPTH and not _THEMATIC_BREAK.fullmatch(line):
            markers = prefix.count(">") + len(_LIST_MARKER.findall(prefix))
            columns = len(_LIST_MARKER.sub("", prefix).replace(">", "").expandtabs(4)) // 4
            # Indentation alone is a code block; it nests only in front of a list or quote marker.
            if markers and markers + columns > MAX_MARKDOWN_DEPTH:
                return offset, f"Lister eller citater er indlejret mere end {MAX_MARKDOWN_DEPTH} niveauer dybt"
        offset += len(line) + 1
    return None


def _deep_inline(text: str) -> tuple[int, str] | None:
    """Brackets and emphasis nested deeper than MAX_MARKDOWN_DEPTH within a paragraph, or very long runs of * or _."""
    brackets = 0
    emphasis: list[str] = []
    for token in _INLINE_TOKEN.finditer(text):
        value = token.group()
        if value[0] == "\n":  # a blank line ends the paragraph, and whatever was left open
            brackets, emphasis = 0, []
        elif value == "[":
            brackets += 1
            if brackets > MAX_MARKDOWN_DEPTH:
                return token.start(), f"Firkantede parenteser er indlejret mere end {MAX_MARKDOWN_DEPTH} niveauer dybt"
        elif value == "]":
            brackets = max(brackets - 1, 0)
        elif value[0] in "*_":
            if len(value) > MAX_EMPHASIS_RUN:
                return token.start(), f"Tegnet {value[0]} står mere end {MAX_EMPHASIS_RUN} gange i træk"
            before = text[token.start() - 1] if token.start() else " "
            after = text[token.end()] if token.end() < len(text) else " "
            if emphasis and emphasis[-1] == value[0] and not before.isspace():
                emphasis.pop()
            elif not after.isspace() and not (value[0] == "_" and before.isalnum()):
                emphasis.append(value[0])
                if len(emphasis) > MAX_MARKDOWN_DEPTH:
                    return (
                        token.start(),
                        f"Fremhævninger (* og _) er indlejret mere end {MAX_MARKDOWN_DEPTH} niveauer dybt",
                    )
    return None


# Characters that start an inline pattern Python-Markdown may scan to the end of the paragraph for.
_COSTLY = "[<`*\\{"
_UNIT_START = re.compile(r"[ \t>]*(?:[-*+][ \t]|[0-9]{1,9}[.)][ \t]|[|#])")


def _heavy_markup(text: str) -> tuple[int, int] | None:
    """Markup that Python-Markdown needs much more than linear time for. Its inline patterns look for the end
    of every character in _COSTLY through the rest of the paragraph, list item or table row, so the cost of
    such a unit is about (number of those characters) x (its length). The page's total is capped."""
    units: list[list[int]] = []  # [start offset, length, openers]
    current: list[int] | None = None
    offset = 0
    for line in text.split("\n"):
        if not line.strip():
            current = None
        else:
            if current is None or _UNIT_START.match(line):
                current = [offset, 0, 0]
                units.append(current)
            current[1] = offset + len(line) - current[0]
            current[2] += sum(line.count(character) for character in _COSTLY)
        offset += len(line) + 1
    costs = [(length * openers, start) for start, length, openers in units]
    if sum(cost for cost, _ in costs) <= MAX_MARKUP_COST:
        return None
    worst, start = max(costs, key=lambda cost: cost[0])
    return start, worst


@dataclass
class _Body:
    """The Markdown body of a page, scanned once: positions, code-free text, anchors."""

    text: str
    first_line: int  # line of the source file where the body starts

    @cached_property
    def without_code_blocks(self) -> str:
        return blank_comments(blank_fences(self.text))

    @cached_property
    def prose(self) -> str:
        """Fenced code, code spans and HTML comments blanked out: links and HTML are looked for here."""
        return blank_code_spans(self.without_code_blocks)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer(r"\n", self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column in the source file of an offset in the body."""
        index = bisect_right(self._line_starts, offset) - 1
        return self.first_line + index, offset - self._line_starts[index] + 1

    @cached_property
    def _html(self) -> _HtmlTags:
        return _HtmlTags(self.prose, self._line_starts)

    @property
    def html_tags(self) -> list[tuple[str, list[tuple[str, str | None]], tuple[int, int]]]:
        return self._html.tags

    def too_deep(self) -> tuple[int, str] | None:
        """The offset of the first place where the page nests deeper than Python-Markdown can follow, and
        what nests there. Python-Markdown recurses once per level of lists, quotes, emphasis and HTML, and
        its time grows with the square of nested brackets: such a page must be refused before it is rendered."""
        return _deep_lines(self.without_code_blocks) or _deep_inline(self.prose) or self._deep_html()

    def _deep_html(self) -> tuple[int, str] | None:
        if self._html.too_deep is None:
            return None
        line, column = self._html.too_deep
        offset = self._line_starts[line - 1] + column
        return offset, f"HTML-elementer er indlejret mere end {MAX_MARKDOWN_DEPTH} niveauer dybt"

    @cached_property
    def anchors(self) -> set[str]:
        """Heading ids as the toc extension makes them, plus explicit {#id} and HTML id attributes."""
        explicit = {i for m in _ATTR_LIST.finditer(self.prose) for i in _attr_ids(m.group(1))}
        explicit |= {value for _, attrs, _ in self.html_tags for name, value in attrs if name == "id" and value}
        used = set(explicit)
        lines = self.without_code_blocks.split("\n")
        for index, line in enumerate(lines):
            text = _atx_heading(line)
            if text is None and (
                index + 1 < len(lines)
                and _SETEXT.match(lines[index + 1])
                and line.strip()
                and (index == 0 or not lines[index - 1].strip())
                and not re.match(r"^\s*([-*+>|<]|\d+[.)])", line)
            ):
                text = line.strip()
            if text is None:
                continue
            attributes = _HEADING_ATTRS.search(text)
            ids = _attr_ids(attributes.group(1)) if attributes else []
            if not ids:
                toc_unique(_heading_slug(text[: attributes.start()].rstrip(" \t") if attributes else text), used)
        return used


def _section_is_empty(lines: list[str], masked: list[str], level: int) -> bool:
    """Nothing but blank lines before the next heading of the same or a higher level (or the end).

    masked is lines with code blocks and comments blanked out, so that ``#`` in code is no heading.
    """
    for line, masked_line in zip(lines, masked, strict=True):
        heading = _atx(masked_line)
        if heading and heading[0] <= level:
            return True
        if line.strip():
            return False
    return True


@dataclass
class Report:
    problems: list[Problem]
    checked: int  # number of files checked
    paths: tuple[str, ...] = ()  # the files checked, as messages name them

    @property
    def errors(self) -> int:
        return sum(p.severity == ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == WARNING for p in self.problems)

    @property
    def files_with_problems(self) -> int:
        return len({p.path for p in self.problems})


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary(report: Report) -> str:
    """The closing line in Danish, e.g. ``3 fejl og 1 advarsel i 2 filer (45 filer tjekket).``"""
    checked = _plural(report.checked, "fil", "filer")
    if not report.problems:
        return f"Ingen problemer fundet i {checked}."
    parts = []
    if report.errors:
        parts.append(f"{report.errors} fejl")
    if report.warnings:
        parts.append(_plural(report.warnings, "advarsel", "advarsler"))
    return f"{' og '.join(parts)} i {_plural(report.files_with_problems, 'fil', 'filer')} ({checked} tjekket)."


def format_report(report: Report, style: str = "text") -> list[str]:
    lines = [p.format_github() if style == "github" else p.format() for p in report.problems]
    return [*lines, summary(report)]


def _clean(problem: Problem) -> Problem:
    """One problem per output line, whatever the editor's text contained."""
    return replace(
        problem,
        path=_CONTROL.sub(" ", problem.path),
        message=_CONTROL.sub(" ", problem.message).strip(),
        line=max(problem.line, 1),
        column=max(problem.column, 1),
    )


def _internal_error(path: str, error: BaseException) -> Problem:
    detail = f"{type(error).__name__}: {error}"[:200]
    return INTERNAL_ERROR.at(
        path,
        1,
        1,
        f"Validatoren kunne ikke tjekke filen færdig ({detail}). Tjek, at filen kan åbnes, "
        "og meld fejlen til udviklerne, hvis den bliver ved.",
    )


def _guarded(path: str, check: Callable[[], Iterable[Problem]]) -> list[Problem]:
    try:
        return list(check())
    except Exception as error:  # one file's surprise must not stop the others
        return [_internal_error(path, error)]


def _misplaced(page: SourcePage) -> bool:
    """A page with a forkert-mappe error: checks that depend on its type would only repeat it."""
    return any(p.rule == "forkert-mappe" for p in page.problems)


@cache
def _municipality_forms() -> dict[str, str]:
    """Each municipality's name and its genitive (»Odenses«), mapped to the name."""
    names = vocabulary.municipalities()
    return {**{name + "s": name for name in names}, **{name: name for name in names}}


def _normal_title(value: Any) -> str | None:
    return " ".join(value.split()).casefold() if isinstance(value, str) and value.strip() else None


@dataclass
class _Checker:
    docs_dir: Path
    site: Site
    rels: set[str]  # every Markdown file under docs/, loaded or not
    display_prefix: str = "docs/"
    _bodies: dict[str, _Body | None] = field(default_factory=dict)

    def body(self, page: SourcePage) -> _Body | None:
        if page.rel not in self._bodies:
            decoded = not any(p.rule == "fil-kodning" for p in page.problems)
            self._bodies[page.rel] = _Body(page.front.body, page.front.body_line) if decoded else None
        return self._bodies[page.rel]

    def problem(self, page: SourcePage, line: int, column: int, message: str, rule: Rule) -> Problem:
        return rule.at(page.path, line, column, message)

    def problem_in_body(self, page: SourcePage, body: _Body, offset: int, message: str, rule: Rule) -> Problem:
        """A problem at an offset in the page's Markdown body (its line and column in the file)."""
        line, column = body.position(offset)
        return rule.at(page.path, line, column, message)

    def page(self, page: SourcePage) -> list[Problem]:
        problems = self.file_name(page) + self.folder(page) + self.translation(page) + self.template_text(page)
        body = self.body(page)
        if body is not None:
            deep = self.nesting(page, body)
            if deep:  # the scanners below would follow the nesting too
                return problems + deep
            problems += self.markers(page, body) + self.links(page, body) + self.raw_html(page, body)
            problems += self.attribute_lists(page, body) + self.empty_sections(page, body)
            problems += self.municipality_names(page, body)
        return problems

    def nesting(self, page: SourcePage, body: _Body) -> list[Problem]:
        found = body.too_deep()
        if found is not None:
            offset, what = found
            message = f"{what}. Så dybt kan siden ikke bygges: gør strukturen fladere."
            return [self.problem_in_body(page, body, offset, message, MARKDOWN_DEPTH)]
        long_line = next((i for i, line in enumerate(body.text.split("\n")) if len(line) > MAX_LINE_CHARS), None)
        if long_line is not None:
            message = (
                f"Linjen har mere end {MAX_LINE_CHARS} tegn. Så lange linjer gør byggeriet meget langsomt: del "
                "linjen op (et linjeskift midt i et afsnit ses ikke på siden)."
            )
            return [self.problem(page, body.first_line + long_line, 1, message, MARKDOWN_HEAVY)]
        heavy = _heavy_markup(body.without_code_blocks)
        if heavy is not None:
            message = (
                "Siden har meget tæt opmærkning: mange [, <, `, *, \\ eller { i lange afsnit, listepunkter eller "
                "tabelrækker (det værste står her). Det kan tage minutter at bygge. Del de lange afsnit op, eller "
                "fjern opmærkningen."
            )
            return [self.problem_in_body(page, body, heavy[0], message, MARKDOWN_HEAVY)]
        return []

    # File names and folders

    def file_name(self, page: SourcePage) -> list[Problem]:
        """The file name of a recommendation starts with its number (boerneinddragelse.filenames checks the letters)."""
        problems = []
        stem = page.base.split("/")[-1][: -len(".md")]
        suffix = "" if page.lang == DEFAULT_LANGUAGE else f".{page.lang}"
        number = page.meta.get("nummer") if page.type.name == "anbefaling" else None
        if isinstance(number, int) and not isinstance(number, bool) and not stem.startswith(f"{number}-"):
            rest = re.sub(r"^\d+-", "", stem)
            problems.append(
                self.problem(
                    page,
                    page.line_of("nummer"),
                    1,
                    f"Filnavnet på anbefaling nummer {number} skal starte med »{number}-«. Omdøb filen til "
                    f"»{number}-{rest}{suffix}.md«.",
                    FILE_NAME_NUMBER,
                )
            )
        return problems

    def folder(self, page: SourcePage) -> list[Problem]:
        """A page in a subfolder of a typed folder (boerneinddragelse.site.wrong_folder checks the fields' type)."""
        if _misplaced(page):
            return []
        parts = page.base.split("/")
        typed_folders = {t.folder: t for t in PAGE_TYPES.values() if t.folder}
        if len(parts) > 2 and parts[0] in typed_folders:
            label = typed_folders[parts[0]].label.lower()
            return [
                self.problem(
                    page,
                    1,
                    1,
                    f"Siden ligger i en undermappe. Sider af typen {label} skal ligge direkte i docs/{parts[0]}/. "
                    f"I en undermappe bliver den en almindelig side, som ikke kan findes. Flyt filen op i "
                    f"docs/{parts[0]}/.",
                    WRONG_FOLDER,
                )
            ]
        return []

    # Translations

    def translation(self, page: SourcePage) -> list[Problem]:
        if page.lang == DEFAULT_LANGUAGE or _misplaced(page):
            return []
        original = self.site.by_rel.get(page.base)
        if original is None:
            if page.base in self.rels:
                return []  # the original could not be read; it has its own problem
            return [
                self.problem(
                    page,
                    1,
                    1,
                    f"Der findes ingen dansk original {self.display_prefix}{page.base}. En oversættelse skal have "
                    "samme navn som den danske side med ».en« før ».md«. Opret originalen, eller ret filnavnet.",
                    TRANSLATION_WITHOUT_ORIGINAL,
                )
            ]
        if not (page.front.present and original.front.present):
            return []
        problems = []
        for name in page.type.translatable_fields:
            ours, theirs = page.meta.get(name), original.meta.get(name)
            if ours != theirs:
                shown = "mangler" if name not in page.meta else f"er {_shown(ours)}"
                expected = "mangler" if name not in original.meta else f"er {_shown(theirs)}"
                problems.append(
                    self.problem(
                        page,
                        page.line_of(name) if name in page.meta else 1,
                        1,
                        f"Feltet »{name}« {shown} her, men {expected} i den danske original {original.path}. "
                        f"Disse felter skal være ens på begge sprog: {', '.join(page.type.translatable_fields)}.",
                        TRANSLATION_DISAGREES,
                    )
                )
        return problems

    # Template text left in place

    def template_text(self, page: SourcePage) -> list[Problem]:
        problems = []
        if page.meta.get("description") == DESCRIPTION_PLACEHOLDER:
            problems.append(
                self.problem(
                    page,
                    page.line_of("description"),
                    1,
                    "»description« er stadig skabelonens tekst. Skriv en kort beskrivelse af netop denne side.",
                    TEMPLATE_TEXT,
                )
            )
        placeholders = {
            line.strip()
            for line in page.type.body.split("\n")
            if line.strip() and not line.lstrip().startswith(("#", "<!--"))
        }
        if placeholders:
            for index, line in enumerate(page.front.body.split("\n")):
                if line.strip() in placeholders:
                    problems.append(
                        self.problem(
                            page,
                            page.front.body_line + index,
                            1,
                            f"»{line.strip()}« er skabelonens tekst. Erstat den med sidens egen tekst.",
                            TEMPLATE_TEXT,
                        )
                    )
        return problems

    def empty_sections(self, page: SourcePage, body: _Body) -> list[Problem]:
        """Headings from the page type's template (PageType.body) with nothing under them yet."""
        template = {heading[1] for heading in map(_atx, page.type.body.split("\n")) if heading and heading[1]}
        if not template:
            return []
        lines, masked = body.text.split("\n"), body.without_code_blocks.split("\n")
        problems = []
        for index, line in enumerate(masked):
            heading = _atx(line)
            if not heading or heading[1] not in template:
                continue
            if _section_is_empty(lines[index + 1 :], masked[index + 1 :], heading[0]):
                title = heading[1]
                problems.append(
                    self.problem(
                        page,
                        body.first_line + index,
                        1,
                        f"Afsnittet »{title}« fra skabelonen er tomt. Skriv afsnittets tekst under overskriften, "
                        "eller slet overskriften, hvis siden ikke skal have afsnittet.",
                        TEMPLATE_TEXT,
                    )
                )
        return problems

    # Illustrative examples

    def municipality_names(self, page: SourcePage, body: _Body) -> list[Problem]:
        """An illustrative example must not read as one real municipality's practice."""
        if page.type is not PRAKSISEKSEMPEL or page.meta.get("illustrativ") is not True:
            return []
        names = _municipality_forms()
        problems = []
        for match in _WORD.finditer(body.prose):
            name = names.get(match.group(0))
            if name is None:
                continue
            problems.append(
                self.problem_in_body(
                    page,
                    body,
                    match.start(),
                    f"»{match.group(0)}« er navnet på en kommune, men eksemplet er konstrueret (illustrativ: true). "
                    f"Skriv »en kommune« eller »kommunen« i stedet for »{name}«, så eksemplet ikke kan læses som "
                    "en bestemt kommunes praksis.",
                    MUNICIPALITY_IN_ILLUSTRATIVE,
                )
            )
        return problems

    # Markers

    def markers(self, page: SourcePage, body: _Body) -> list[Problem]:
        problems = []
        for match in MARKER.finditer(body.text):  # like render.render_markers: the whole body
            name = match.group(1)
            if name in MARKERS:
                for error in marker_argument_errors(name, marker_arguments(match)):
                    message = error[0].upper() + error[1:] + ". Se afsnittet »Markører« i CONTRIBUTING.md."
                    problems.append(self.problem_in_body(page, body, match.start(), message, MARKER_ARGUMENT))
            else:
                close = difflib.get_close_matches(name, list(MARKERS), n=1)
                hint = f" Mente du »<!-- {close[0]} -->«?" if close else ""
                problems.append(
                    self.problem_in_body(
                        page,
                        body,
                        match.start(),
                        f"Ukendt markør »{name}«.{hint} Kendte markører: {', '.join(sorted(MARKERS))}. "
                        "Er det en almindelig kommentar, så skriv den med mere end ét ord uden »=«.",
                        UNKNOWN_MARKER,
                    )
                )
        return problems

    # Links and images

    def links(self, page: SourcePage, body: _Body) -> list[Problem]:
        problems: list[Problem] = []
        self._scan_links(page, body, body.prose, 0, problems)
        for match in _REFERENCE.finditer(body.prose):
            line, column = body.position(match.start(1) - 1)
            problems += self.target(page, match.group(2).strip("<>"), line, column, image=False)
        return problems

    def _scan_links(self, page: SourcePage, body: _Body, text: str, offset: int, problems: list[Problem]) -> None:
        for match in _LINK.finditer(text):
            is_image, label, target = match.group(1) == "!", match.group(2), match.group(3).strip("<>")
            line, column = body.position(offset + match.start())
            if is_image and not label.strip():
                problems.append(
                    self.problem(
                        page,
                        line,
                        column,
                        "Billedet mangler alternativ tekst. Skriv mellem [ ], hvad billedet viser, "
                        "så skærmlæsere kan læse det op.",
                        IMAGE_WITHOUT_ALT,
                    )
                )
            problems += self.target(page, target, line, column, image=is_image)
            if not is_image:  # an image inside a link's text: [![alt](billede.png)](side.md)
                self._scan_links(page, body, label, offset + match.start(2), problems)

    def target(
        self, page: SourcePage, target: str, line: int, column: int, *, image: bool, raw: bool = False
    ) -> list[Problem]:
        """Check one link or image target of a page; raw is True for HTML attributes."""
        what = "Billedet" if image else "Linket"
        scheme = url_scheme(html.unescape(target))
        if scheme in ("javascript", "vbscript"):
            return [
                self.problem(
                    page,
                    line,
                    column,
                    f"{what} bruger »{scheme}:«. Fjern det; sider må ikke indeholde JavaScript.",
                    JAVASCRIPT_LINK,
                )
            ]
        if scheme is not None and scheme not in URL_SCHEMES:
            allowed = ", ".join(f"{s}:" for s in sorted(URL_SCHEMES))
            return [
                self.problem(
                    page,
                    line,
                    column,
                    f"{what} bruger »{scheme}:«, som ikke er tilladt (kun {allowed} og relative links). "
                    "Læg filen i docs/, og link til den dér.",
                    URL_SCHEME,
                )
            ]
        if scheme is not None or target.startswith("//"):
            if image:
                return [
                    self.problem(
                        page,
                        line,
                        column,
                        f"Billedet hentes fra et andet website ({target[:80]}). "
                        "Læg det i docs/assets/, og link til det dér.",
                        EXTERNAL_IMAGE,
                    )
                ]
            return []
        if raw:
            # Raw HTML paths are relative to the built page's address, which differs between the online
            # and the offline build, so only Markdown links and images are followed to their files.
            return []
        if target.startswith("/"):
            relative = posixpath.relpath(target.lstrip("/").split("#")[0] or ".", posixpath.dirname(page.rel) or ".")
            example = relative if relative.endswith(".md") else "../om.md"
            return [
                self.problem(
                    page,
                    line,
                    column,
                    f"{what} »{target[:80]}« starter med »/«. Skriv et relativt link til filen, f.eks. »{example}«; "
                    "absolutte stier virker ikke i den offline kopi.",
                    ABSOLUTE_LINK,
                )
            ]
        path, _, anchor = target.partition("#")
        path = unquote(path.split("?", 1)[0])
        anchor = unquote(anchor)
        if not path:
            if anchor and not image:
                return self.anchor(page, page.rel, anchor, line, column)
            return []
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
        outside = resolved == ".." or resolved.startswith("../")
        if image:
            return self.image(page, resolved, path, outside, line, column)
        if resolved.endswith(".md") and not outside:
            return self.page_link(page, resolved, path, anchor, line, column)
        file = self.docs_dir / resolved
        if outside or not file.exists():
            hint = f" Mente du »{path}.md«?" if not outside and f"{resolved}.md" in self.rels else ""
            return [
                self.problem(
                    page,
                    line,
                    column,
                    f"Filen »{path}« findes ikke i docs/.{hint} Ret stien, eller læg filen i docs/assets/.",
                    MISSING_FILE,
                )
            ]
        if file.is_dir():
            index = posixpath.join(path, "index.md")
            return [
                self.problem(
                    page,
                    line,
                    column,
                    f"Linket »{path}« peger på en mappe. Link til filen, f.eks. »{index}«.",
                    MISSING_LINK_TARGET,
                )
            ]
        return []

    def page_link(
        self, page: SourcePage, resolved: str, path: str, anchor: str, line: int, column: int
    ) -> list[Problem]:
        target = resolved
        wrong_language = self.link_language(page, resolved, line, column)
        if wrong_language:
            return wrong_language
        if page.lang != DEFAULT_LANGUAGE:
            translated = split_language(resolved)[0][: -len(".md")] + f".{page.lang}.md"
            if translated in self.rels:
                target = translated
            elif resolved in self.rels:
                return [
                    self.problem(
                        page,
                        line,
                        column,
                        f"Linket peger på {self.display_prefix}{resolved}, som kun findes på dansk og derfor ikke er "
                        "med i den engelske udgave. Fjern linket, link til en engelsk side, eller oversæt siden.",
                        LINK_TO_DANISH_ONLY,
                    )
                ]
        if target not in self.rels:
            close = difflib.get_close_matches(resolved, sorted(self.rels), n=1, cutoff=0.7)
            hint = f" Mente du »{posixpath.relpath(close[0], posixpath.dirname(page.rel) or '.')}«?" if close else ""
            return [
                self.problem(
                    page,
                    line,
                    column,
                    f"Linket peger på »{path}«, men siden findes ikke.{hint} Ret stien (relativt til denne side).",
                    MISSING_LINK_TARGET,
                )
            ]
        return self.anchor(page, target, anchor, line, column) if anchor else []

    def link_language(self, page: SourcePage, resolved: str, line: int, column: int) -> list[Problem]:
        """A Danish page that links to a translation (``x.en.md``): the Danish site has no such page."""
        base, lang = split_language(resolved)
        if page.lang != DEFAULT_LANGUAGE or lang == DEFAULT_LANGUAGE:
            return []
        relative = posixpath.relpath(base, posixpath.dirname(page.rel) or ".")
        return [
            self.problem(
                page,
                line,
                column,
                f"Linket peger på den engelske udgave {self.display_prefix}{resolved}. En dansk side skal linke til "
                f"den danske side, »{relative}«; sprogskiftet øverst på siden fører til den engelske.",
                LINK_TO_TRANSLATION,
            )
        ]

    def anchor(self, page: SourcePage, target_rel: str, anchor: str, line: int, column: int) -> list[Problem]:
        target = self.site.by_rel.get(target_rel)
        body = self.body(target) if target is not None else None
        if body is None:
            return []  # the target could not be read; it has its own problem
        anchors = body.anchors
        if anchor in anchors:
            return []
        close = difflib.get_close_matches(anchor, sorted(anchors), n=1)
        hint = f" Mente du »#{close[0]}«?" if close else ""
        where = "denne side" if target is page else f"{target.path}"
        return [
            self.problem(
                page,
                line,
                column,
                f"Afsnittet »#{anchor}« findes ikke på {where}.{hint} Ankeret er overskriften med små bogstaver "
                "og bindestreger, og æ, ø og å skrives ae, oe og aa som i filnavne. Giv overskriften et fast "
                "anker med {#navn} for at være sikker.",
                MISSING_ANCHOR,
            )
        ]

    def image(self, page: SourcePage, resolved: str, path: str, outside: bool, line: int, column: int) -> list[Problem]:
        file = self.docs_dir / resolved
        if outside or not file.is_file():
            return [
                self.problem(
                    page,
                    line,
                    column,
                    f"Billedet »{path}« findes ikke. Læg det i docs/assets/, "
                    "eller ret stien (relativt til denne side).",
                    MISSING_IMAGE,
                )
            ]
        size = file.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return [
                self.problem(
                    page,
                    line,
                    column,
                    f"Billedet »{path}« fylder {-(-size // 1024)} KB; grænsen er {MAX_IMAGE_BYTES // 1024} KB. "
                    "Gør det mindre (færre pixels, eller gem som JPEG eller WebP).",
                    IMAGE_TOO_LARGE,
                )
            ]
        return []

    # Raw HTML

    def raw_html(self, page: SourcePage, body: _Body) -> list[Problem]:
        problems = []
        for tag, attributes, (line_in_body, offset) in body.html_tags:
            if not re.fullmatch(r"[a-z][a-z0-9-]*", tag):
                continue  # <https://…> and <navn@example.org> are Markdown autolinks, not HTML
            line, column = body.first_line + line_in_body - 1, offset + 1
            if tag not in ALLOWED_ELEMENTS:
                problems.append(
                    self.problem(
                        page,
                        line,
                        column,
                        f"HTML-elementet <{tag}> er ikke tilladt på sitets sider. Brug Markdown i stedet; "
                        "de tilladte HTML-elementer står i CONTRIBUTING.md under reglen html-element.",
                        HTML_ELEMENT,
                    )
                )
            values = dict(attributes)
            for name, value in attributes:
                if name in MARKDOWN_ATTRIBUTES:
                    continue
                problems += self.attribute(page, tag, name, value or "", line, column, known=tag in ALLOWED_ELEMENTS)
            if tag == "img" and not (values.get("alt") or "").strip():
                problems.append(
                    self.problem(
                        page,
                        line,
                        column,
                        'Billedet mangler alternativ tekst. Tilføj alt="…" med en beskrivelse af, hvad det viser.',
                        IMAGE_WITHOUT_ALT,
                    )
                )
        return problems

    def attribute(
        self, page: SourcePage, tag: str | None, name: str, value: str, line: int, column: int, *, known: bool = True
    ) -> list[Problem]:
        """One attribute an editor wrote on <tag> (None: in a Markdown attribute list, element unknown)."""
        where = f"<{tag}>" if tag else "attributlisten {: … }"
        if name.startswith("on"):
            message = f"Attributten »{name}« på {where} kører JavaScript. Fjern den."
            return [self.problem(page, line, column, message, HTML_ATTRIBUTE)]
        allowed = allowed_attribute(tag, name) if tag else any(allowed_attribute(t, name) for t in ALLOWED_ELEMENTS)
        if known and not allowed:
            message = (
                f"Attributten »{name}« er ikke tilladt på {where}; byggeriet fjerner den. "
                "De tilladte attributter står i CONTRIBUTING.md under reglen html-attribut."
            )
            return [self.problem(page, line, column, message, HTML_ATTRIBUTE)]
        if name == "id" and value.startswith(RESERVED_ID_PREFIX):
            message = (
                f"Id'et »{value[:40]}« starter med »{RESERVED_ID_PREFIX}«, som sitets egne elementer bruger. "
                "Vælg et andet id."
            )
            return [self.problem(page, line, column, message, HTML_ATTRIBUTE)]
        if is_url_attribute(name) and value.strip():
            return self.target(page, value.strip(), line, column, image=tag == "img", raw=True)
        return []

    # Markdown attribute lists: {: #id .klasse navn="værdi" }

    def attribute_lists(self, page: SourcePage, body: _Body) -> list[Problem]:
        """Attributes set with attr_list; the element they land on is not known here, so a name
        allowed on any element passes (the build's sanitiser removes it where it does not belong)."""
        problems = []
        for match in _ATTR_LIST.finditer(body.prose):
            pairs, _ = get_attrs_and_remainder(match.group(1))
            line, column = body.position(match.start())
            for name, value in pairs:
                if name == "." or (value is None and not name.startswith("on")):
                    continue  # a class, or a bare word ({navn} in running text is not an attribute)
                problems += self.attribute(page, None, name.lower(), html.unescape(value or ""), line, column)
        return problems


def _shown(value: Any) -> str:
    text = str(value)
    return f"»{text[:60]}«"


def _duplicates(pages: list[SourcePage]) -> dict[str, list[Problem]]:
    """Pages of the same type and language with the same title (examples: and the same municipality)."""
    groups: dict[tuple[Any, ...], list[SourcePage]] = {}
    for page in pages:
        title = _normal_title(page.meta.get("title"))
        if title is None:
            continue
        key: tuple[Any, ...] = (page.type.name, page.lang, title)
        if page.type.name == "praksiseksempel":
            key += (str(page.meta.get("kommune", "")),)
        groups.setdefault(key, []).append(page)
    found: dict[str, list[Problem]] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        for page in group:
            others = ", ".join(p.path for p in group if p is not page)
            municipality = (
                " og samme kommune" if page.type.name == "praksiseksempel" and page.meta.get("kommune") else ""
            )
            found.setdefault(page.rel, []).append(
                DUPLICATE_PAGE.at(
                    page.path,
                    page.line_of("title"),
                    1,
                    f"Samme titel{municipality} som {others}. To sider må ikke beskrive det samme: slå dem sammen, "
                    "eller giv dem titler, der viser forskellen.",
                )
            )
    return found


def _reachability(site: Site, rels: set[str]) -> dict[str, list[Problem]]:
    """Examples and news are listed only by their section's index page, through its marker."""
    found: dict[str, list[Problem]] = {}
    for page_type in PAGE_TYPES.values():
        marker, type_name = page_type.index_marker, page_type.name
        if marker is None:
            continue
        index_rel = page_type.index_page
        index = site.by_rel.get(index_rel)
        if index is None:
            if index_rel in rels:
                continue  # the index page could not be read; it has its own problem
            for page in site.pages:
                if page.type.name == type_name and page.lang == DEFAULT_LANGUAGE:
                    found.setdefault(page.rel, []).append(
                        UNREACHABLE_PAGE.at(
                            page.path,
                            1,
                            1,
                            f"Siden kan ikke findes: docs/{index_rel} mangler. Opret den med markøren "
                            f"<!-- {marker} --> på en linje for sig.",
                        )
                    )
            continue
        has_marker = any(
            m.group(1) == marker and "seneste=" not in m.group(2) for m in MARKER.finditer(index.front.body)
        )
        if not has_marker:
            found.setdefault(index.rel, []).append(
                UNREACHABLE_PAGE.at(
                    index.path,
                    index.front.body_line if index.front.present else 1,
                    1,
                    f"Siden skal have markøren <!-- {marker} --> på en linje for sig. Den er den eneste vej til "
                    f"siderne i docs/{page_type.folder}/, som ikke står i menuen.",
                )
            )
    return found


def _leaves(root: Path, path: Path) -> bool:
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return True
    return target != root and root not in target.parents


def _unsafe_paths(docs_dir: Path, prefix: str) -> list[Problem]:
    """Symlinks that leave docs/ (MkDocs would publish what they point to) and folders named like pages."""
    root = docs_dir.resolve()
    problems = []
    for path in sorted(docs_dir.rglob("*")):
        rel = path.relative_to(docs_dir).as_posix()
        if path.is_symlink() and _leaves(root, path):
            problems.append(
                SYMLINK_OUTSIDE.at(
                    prefix + rel,
                    1,
                    1,
                    "Filen er en genvej (symlink), der peger uden for docs/. Sitet må kun indeholde filer fra "
                    "docs/: kopiér filen ind, eller slet genvejen.",
                )
            )
        elif path.is_dir() and not path.is_symlink() and path.name.lower().endswith(MARKDOWN_EXTENSIONS):
            problems.append(
                FOLDER_NAMED_AS_PAGE.at(
                    prefix + rel,
                    1,
                    1,
                    f"»{path.name}« er en mappe, men navnet ligner en side. Omdøb mappen, så den ikke ender på "
                    f"»{path.suffix}«.",
                )
            )
    return problems


def _site_rules(site: Site) -> list[Problem]:
    check_site(site)  # adds the model's cross-page problems to the pages, reported with them below
    return []


def check_docs(docs_dir: Path, prefix: str = "docs/", config_file: Path | None = None) -> tuple[Report, Site]:
    """Every rule on every file under docs_dir (and the editors' settings in config_file), and the site the
    build renders from.

    The validator and the MkDocs hooks both call this, so the build refuses exactly what the validator
    refuses. ``prefix`` is how messages name docs_dir (relative to the repository root).
    """
    problems: list[Problem] = []
    rels = markdown_files(docs_dir)
    pages = []
    for rel in rels:
        try:
            pages.append(load_page(docs_dir, rel, prefix))
        except Exception as error:  # reported as intern-fejl, the other files go on
            problems.append(_internal_error(prefix + rel, error))
    site = Site(pages)
    problems += _guarded(prefix.rstrip("/"), lambda: _site_rules(site))
    checker = _Checker(docs_dir, site, set(rels), prefix)
    duplicates = _guarded(prefix.rstrip("/"), lambda: [p for ps in _duplicates(pages).values() for p in ps])
    reachable = _guarded(prefix.rstrip("/"), lambda: [p for ps in _reachability(site, set(rels)).values() for p in ps])
    problems += duplicates + reachable
    problems += _guarded("scripts/data", lambda: data_checks.problems_beside(docs_dir, site))
    for page in pages:
        problems += page.problems
        problems += _guarded(page.path, lambda page=page: checker.page(page))
    strays = stray_markdown_problems(docs_dir, prefix)
    problems += strays + _unsafe_paths(docs_dir, prefix)
    if config_file is not None and config_file.is_file():
        problems += _guarded(config_file.name, lambda: check_config_file(config_file))
    others = [p.path[len(prefix) :] for p in strays]
    paths = tuple(prefix + rel for rel in (*rels, *others))
    return Report(sorted(set(map(_clean, problems))), len(paths), paths), site


def validate(root: Path, only: set[str] | None = None) -> Report:
    """Check docs/ under root; report only on the files in ``only`` (paths like ``docs/x.md``) if given."""
    report, _ = check_docs(root / "docs", "docs/", root / CONFIG_FILE)
    if only is None:
        return report
    files = tuple(f for f in report.paths if f in only)
    problems = [p for p in report.problems if p.path in only or p.path in ("docs", CONFIG_FILE)]
    return Report(problems, len(files), files)
