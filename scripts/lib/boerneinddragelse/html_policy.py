"""The one allow-list of HTML in what editors write, and the sanitiser the build runs it through.

Every page's rendered Markdown passes through ``sanitize`` (nh3, the Python binding of the Rust
sanitiser ammonia) before the hooks put the generated lists back in; the validator reports
against the same lists (validation.raw_html and the attribute-list check), and the table in
CONTRIBUTING.md is generated from them (derived.html_section). Material's templates and the
project's partials in overrides/ are not editor input and never pass through here.
"""

from __future__ import annotations

import re
from functools import cache

import nh3

# Attributes any allowed element may carry. Python-Markdown gives headings their id (toc) and
# admonitions, details, permalinks and highlighted code their class; editors add both with {: #id .klasse }.
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})

# Element -> the attributes it may carry besides GLOBAL_ATTRIBUTES.
ALLOWED_ELEMENTS: dict[str, frozenset[str]] = {
    tag: frozenset(attributes.split())
    for tag, attributes in {
        "a": "href",
        "abbr": "",
        "b": "",
        "blockquote": "",
        "br": "",
        "caption": "",
        "cite": "",
        "code": "",
        "dd": "",
        "del": "datetime",
        "details": "open",
        "dfn": "",
        "div": "",
        "dl": "",
        "dt": "",
        "em": "",
        "figcaption": "",
        "figure": "",
        "h1": "",
        "h2": "",
        "h3": "",
        "h4": "",
        "h5": "",
        "h6": "",
        "hr": "",
        "i": "",
        "img": "src alt width height loading",
        "ins": "datetime",
        "kbd": "",
        "li": "value",
        "mark": "",
        "ol": "start reversed type",
        "p": "",
        "pre": "",
        "q": "",
        "s": "",
        "samp": "",
        "section": "",
        "small": "",
        "span": "",
        "strong": "",
        "sub": "",
        "summary": "",
        "sup": "",
        "table": "",
        "tbody": "",
        # Column alignment from Markdown tables (mkdocs.yml: tables use_align_attribute, not style=).
        "td": "colspan rowspan align",
        "tfoot": "",
        "th": "colspan rowspan align scope",
        "thead": "",
        "time": "datetime",
        "tr": "",
        "u": "",
        "ul": "",
        "var": "",
    }.items()
}

# Attributes whose value is a URL: their scheme must be in URL_SCHEMES (or absent: a relative link).
URL_ATTRIBUTES = frozenset({"href", "src"})
# Attributes that hold a URL on elements editors may not use; the validator checks them too.
_FOREIGN_URL_ATTRIBUTES = ("action", "formaction", "data", "xlink:href", "poster", "srcset", "background", "cite")
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Attributes Markdown extensions consume themselves; they never reach the HTML (md_in_html).
MARKDOWN_ATTRIBUTES = frozenset({"markdown"})

# Ids Material's own page elements and scripts use (``__config``, ``__search``, ``__palette_0``):
# an editor's element with such an id would shadow them ("DOM clobbering").
RESERVED_ID_PREFIX = "__"

# Elements removed together with their content; every other refused element keeps its text.
_REMOVED_WITH_CONTENT = frozenset(
    {"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math"}
)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def allowed_attribute(tag: str, name: str) -> bool:
    """May an editor's <tag> carry the attribute name?"""
    return tag in ALLOWED_ELEMENTS and (name in GLOBAL_ATTRIBUTES or name in ALLOWED_ELEMENTS[tag])


def is_url_attribute(name: str) -> bool:
    return name in URL_ATTRIBUTES or name in _FOREIGN_URL_ATTRIBUTES


def url_scheme(url: str) -> str | None:
    """The scheme of a URL as a browser sees it (lower case), or None for a relative URL.

    Browsers drop ASCII whitespace and control characters inside a URL's scheme, so
    ``java\\tscript:`` is ``javascript:``; the caller passes the value with entities decoded.
    """
    compact = "".join(ch for ch in url if ord(ch) > 0x20 and ch != "\x7f")
    match = _SCHEME.match(compact)
    return match.group(1).lower() if match else None


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    if name == "id" and value.startswith(RESERVED_ID_PREFIX):
        return None
    if tag == "img" and name == "src" and (url_scheme(value) or value.lstrip().startswith("//")):
        return None  # images come from docs/, never from another host (rule billede-ekstern)
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_ELEMENTS),
        clean_content_tags=set(_REMOVED_WITH_CONTENT),
        attributes={"*": set(GLOBAL_ATTRIBUTES), **{tag: set(names) for tag, names in ALLOWED_ELEMENTS.items()}},
        attribute_filter=_attribute_filter,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def sanitize(html: str) -> str:
    """The HTML with every element, attribute and URL scheme outside the allow-list removed."""
    return _cleaner().clean(html)
