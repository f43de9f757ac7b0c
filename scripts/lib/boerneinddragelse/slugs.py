"""The one slug function: file names and heading anchors from Danish text, æ, ø and å spelled out."""

from __future__ import annotations

import re
import unicodedata

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def is_valid_slug(stem: str) -> bool:
    """File names are lowercase ASCII words joined by hyphens."""
    return bool(_SLUG.match(stem))


# How file names spell the Danish letters out, defined once. A title's ß is spelled out too when a file name
# is made from it (slugify); in a file name an editor wrote, ß stays a letter to rename (filenames).
DANISH_LETTERS = {"æ": "ae", "ø": "oe", "å": "aa"}
_DANISH_LETTERS = str.maketrans({**DANISH_LETTERS, **{k.upper(): v for k, v in DANISH_LETTERS.items()}, "ß": "ss"})


def slugify(text: str) -> str:
    """A file name stem from a title: ``Børn på SMS`` -> ``boern-paa-sms`` (æ→ae, ø→oe, å→aa).

    Not Python-Markdown's slugify, which drops ø and æ; file names spell them out as Danes do.
    """
    folded = unicodedata.normalize("NFKD", text.translate(_DANISH_LETTERS).lower())
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def heading_slug(value: str, separator: str = "-") -> str:
    """A heading's anchor: slugify, with the signature of Python-Markdown's toc ``slugify`` option.

    ``Sådan gør vi`` -> ``saadan-goer-vi``. The hooks hand it to the toc extension; the validator's
    anchor check uses it too.
    """
    return slugify(value)
