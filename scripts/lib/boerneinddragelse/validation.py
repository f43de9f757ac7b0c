"""The editors' validator: the content model's rules plus links, images, HTML, translations and files.

boerneinddragelse.site (shared with the MkDocs hooks) checks front matter and the rules between fields and
pages; this module adds what only the validator checks. Every problem carries a stable rule id
from RULES, which CONTRIBUTING.md explains to editors (scripts/export_schemas.py writes that table).

Every fact about a page's Markdown (headings and their anchors, links, images, HTML, markers, code) comes
from its parsed page (boerneinddragelse.parsed_page), the one reading the build's generated lists use too.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from markdown.extensions.attr_list import get_attrs_and_remainder

from . import data_checks, vocabulary
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
from .markdown_build import markdown_config
from .model import DEFAULT_LANGUAGE, PAGE_TYPES, PRAKSISEKSEMPEL, split_language
from .parsed_page import ParsedPage, parse
from .problems import ERROR, WARNING, Problem
from .render import MARKERS, marker_argument_errors
from .rules import MAX_IMAGE_BYTES, Rule
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
from .rules.markup import HTML_ATTRIBUTE, HTML_ELEMENT, MARKER_ARGUMENT, UNKNOWN_MARKER
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

# A word of letters, hyphenated parts included (»Høje-Taastrup«); no nested quantifiers, so linear.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


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
    config_file: Path | None = None  # mkdocs.yml: the Markdown extensions the build uses
    _bodies: dict[str, ParsedPage | None] = field(default_factory=dict)

    def body(self, page: SourcePage) -> ParsedPage | None:
        """The page's parsed Markdown body (None for a file that could not be decoded), read once per check."""
        if page.rel not in self._bodies:
            decoded = not any(p.rule == "fil-kodning" for p in page.problems)
            config = markdown_config(self.config_file)
            self._bodies[page.rel] = parse(page.front.body, page.front.body_line, config) if decoded else None
        return self._bodies[page.rel]

    def problem(self, page: SourcePage, line: int, column: int, message: str, rule: Rule) -> Problem:
        return rule.at(page.path, line, column, message)

    def problem_in_body(self, page: SourcePage, body: ParsedPage, offset: int, message: str, rule: Rule) -> Problem:
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

    def nesting(self, page: SourcePage, body: ParsedPage) -> list[Problem]:
        """Size and depth limits: checked before any parser sees the body."""
        if body.limit is None:
            return []
        return [self.problem_in_body(page, body, body.limit.offset, body.limit.message, body.limit.rule)]

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

    def empty_sections(self, page: SourcePage, body: ParsedPage) -> list[Problem]:
        """Headings from the page type's template (PageType.body) with nothing under them yet."""
        template = {heading.text for heading in parse(page.type.body).outline if heading.text}
        if not template:
            return []
        lines = body.text.split("\n")
        starts = {heading.line - body.first_line: heading for heading in body.outline}
        problems = []
        for index, heading in starts.items():
            if heading.text not in template or not lines[index].startswith("#"):
                continue
            following = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
            if following is None or (following in starts and starts[following].level <= heading.level):
                problems.append(
                    self.problem(
                        page,
                        heading.line,
                        1,
                        f"Afsnittet »{heading.text}« fra skabelonen er tomt. Skriv afsnittets tekst under "
                        "overskriften, eller slet overskriften, hvis siden ikke skal have afsnittet.",
                        TEMPLATE_TEXT,
                    )
                )
        return problems

    # Illustrative examples

    def municipality_names(self, page: SourcePage, body: ParsedPage) -> list[Problem]:
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

    def markers(self, page: SourcePage, body: ParsedPage) -> list[Problem]:
        problems = []
        for marker in body.markers:  # the markers the build renders: none in code
            if marker.name in MARKERS:
                for error in marker_argument_errors(marker.name, marker.arguments):
                    message = error[0].upper() + error[1:] + ". Se afsnittet »Markører« i CONTRIBUTING.md."
                    problems.append(self.problem(page, marker.line, marker.column, message, MARKER_ARGUMENT))
            else:
                close = difflib.get_close_matches(marker.name, list(MARKERS), n=1)
                hint = f" Mente du »<!-- {close[0]} -->«?" if close else ""
                problems.append(
                    self.problem(
                        page,
                        marker.line,
                        marker.column,
                        f"Ukendt markør »{marker.name}«.{hint} Kendte markører: {', '.join(sorted(MARKERS))}. "
                        "Er det en almindelig kommentar, så skriv den med mere end ét ord uden »=«.",
                        UNKNOWN_MARKER,
                    )
                )
        return problems

    # Links and images

    def links(self, page: SourcePage, body: ParsedPage) -> list[Problem]:
        problems: list[Problem] = []
        for link in body.links:
            if link.kind in ("reference", "autolink"):
                continue  # a use of a definition (the definition is checked), an address written out in full
            if link.image and not link.label.strip():
                problems.append(
                    self.problem(
                        page,
                        link.line,
                        link.column,
                        "Billedet mangler alternativ tekst. Skriv mellem [ ], hvad billedet viser, "
                        "så skærmlæsere kan læse det op.",
                        IMAGE_WITHOUT_ALT,
                    )
                )
            problems += self.target(page, link.target, link.line, link.column, image=link.image)
        return problems

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
        if body.limit is not None:
            return []  # the target is too heavy to read; it has its own problem
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

    def raw_html(self, page: SourcePage, body: ParsedPage) -> list[Problem]:
        problems = []
        for found in body.html_tags:
            tag, attributes, line, column = found.name, found.attributes, found.line, found.column
            if not re.fullmatch(r"[a-z][a-z0-9-]*", tag):
                continue  # <https://…> and <navn@example.org> are Markdown autolinks, not HTML
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

    def attribute_lists(self, page: SourcePage, body: ParsedPage) -> list[Problem]:
        """Attributes set with attr_list; the element they land on is not known here, so a name
        allowed on any element passes (the build's sanitiser removes it where it does not belong)."""
        problems = []
        for found in body.attribute_lists:
            pairs, _ = get_attrs_and_remainder(found.content)
            line, column = found.line, found.column
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
        has_marker = any(m.name == marker and "seneste" not in m.arguments for m in parse(index.front.body).markers)
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
    checker = _Checker(docs_dir, site, set(rels), prefix, config_file)
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
