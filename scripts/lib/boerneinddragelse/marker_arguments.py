"""The arguments a generated-list marker takes (``<!-- anbefalinger visning=kort -->``), each with its check
and a Danish description of a good value, shared by the renderer and the validator."""

from __future__ import annotations

from collections.abc import Callable

# <!-- anbefalinger visning=… -->: the full list, the short list, or the visual overview.
RECOMMENDATION_VIEWS = {
    "liste": "anbefalinger.html",
    "kort": "anbefalinger.html",
    "overblik": "anbefalinger-overblik.html",
}


# <!-- offline-hentning -->: the download itself, or (visning=aendringer) the change list.
DOWNLOAD_VIEWS = ("hentning", "aendringer")


# <!-- ordliste -->: the concepts with explanations, or (visning=gamle-ord) serviceloven's words and their heirs.
GLOSSARY_VIEWS = ("begreber", "gamle-ord")
# <!-- tilgaengelighed -->: the statement's phone and written contact, or (visning=was) its WAS-Tool address.
ACCESSIBILITY_VIEWS = ("kontakt", "was")


class MarkerError(ValueError):
    """A marker the site does not know, or with bad arguments."""


def _whole_number(value: str) -> bool:
    return value.isascii() and value.isdigit() and 0 < int(value) < 10_000


# The arguments each marker takes, with a check and how to describe a good value (in Danish).
MARKER_ARGUMENTS: dict[str, dict[str, tuple[Callable[[str], bool], str]]] = {
    "anbefalinger": {
        "visning": (
            RECOMMENDATION_VIEWS.__contains__,
            ", ".join(f"»{v}«" for v in list(RECOMMENDATION_VIEWS)[:-1]) + f" eller »{list(RECOMMENDATION_VIEWS)[-1]}«",
        )
    },
    "praksiseksempler": {"anbefaling": (_whole_number, "et nummer, f.eks. 4")},
    "nyheder": {"seneste": (_whole_number, "et antal, f.eks. 3")},
    "offline-hentning": {"visning": (DOWNLOAD_VIEWS.__contains__, "»hentning« eller »aendringer«")},
    "ordliste": {"visning": (GLOSSARY_VIEWS.__contains__, "»begreber« eller »gamle-ord«")},
    "tilgaengelighed": {"visning": (ACCESSIBILITY_VIEWS.__contains__, "»kontakt« eller »was«")},
}


def marker_argument_errors(name: str, args: dict[str, str]) -> list[str]:
    """What is wrong with a known marker's arguments, in Danish (empty when they are fine)."""
    allowed = MARKER_ARGUMENTS.get(name, {})
    errors = []
    for key, value in args.items():
        if key not in allowed:
            takes = ", ".join(f"{k}=…" for k in allowed) or "ingen"
            errors.append(f"markøren »{name}« kender ikke »{key}=«; den tager {takes}")
        elif not allowed[key][0](value):
            errors.append(f"»{key}={value}« i markøren »{name}« skal være {allowed[key][1]}")
    return errors
