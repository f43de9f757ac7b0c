"""Links and images in the body: targets, anchors, languages, schemes and image files."""

from __future__ import annotations

from ..problems import ERROR
from .limits import MAX_IMAGE_BYTES
from .rule import Rule

MISSING_LINK_TARGET = Rule(
    "link-mangler",
    ERROR,
    "Et link peger på en side, der ikke findes.",
    "Ret stien. Link til `.md`-filen relativt til siden, f.eks. `../anbefalinger/1-faelles-boernesyn.md`.",
)

LINK_TO_DANISH_ONLY = Rule(
    "link-kun-dansk",
    ERROR,
    "En engelsk side linker til en side, der kun findes på dansk.",
    "Den engelske udgave af sitet har ikke siden. Fjern linket, link til en side med en engelsk udgave, "
    "eller oversæt siden.",
)

LINK_TO_TRANSLATION = Rule(
    "link-sprog",
    ERROR,
    "En dansk side linker til en engelsk oversættelse (`x.en.md`).",
    "Link til den danske side (`x.md`). Sprogskiftet fører læseren til den engelske udgave.",
)

MISSING_ANCHOR = Rule(
    "anker-mangler",
    ERROR,
    "Et link peger på et afsnit (`#anker`), der ikke findes på siden.",
    "Ret ankeret, så det passer til overskriften (se »Links og billeder«), eller giv overskriften et "
    "fast anker med `{#navn}`.",
)

ABSOLUTE_LINK = Rule(
    "link-absolut",
    ERROR,
    "Et link starter med `/`.",
    "Skriv et relativt link til `.md`-filen. Absolutte stier virker ikke i den offline kopi.",
)

MISSING_FILE = Rule(
    "fil-mangler",
    ERROR,
    "Et link peger på en fil, der ikke findes.",
    "Læg filen i `docs/assets/`, eller ret stien.",
)

MISSING_IMAGE = Rule(
    "billede-mangler", ERROR, "Et billede findes ikke.", "Læg billedet i `docs/assets/`, eller ret stien."
)

IMAGE_WITHOUT_ALT = Rule(
    "billede-alt",
    ERROR,
    "Et billede mangler alternativ tekst.",
    "Skriv, hvad billedet viser, mellem de firkantede parenteser: `![Tre rådgivere ved et bord](...)`.",
)

IMAGE_TOO_LARGE = Rule(
    "billede-stort",
    ERROR,
    f"Et billede fylder mere end {MAX_IMAGE_BYTES // 1024} KB.",
    "Gør billedet mindre (færre pixels, eller gem det som JPEG/WebP), før du lægger det op.",
)

EXTERNAL_IMAGE = Rule(
    "billede-ekstern",
    ERROR,
    "Et billede hentes fra et andet website.",
    "Læg billedet i `docs/assets/` og link til det dér. Sitet henter intet fra andre websites.",
)

JAVASCRIPT_LINK = Rule(
    "javascript-link",
    ERROR,
    "Et link eller billede bruger `javascript:` eller `vbscript:` (også skrevet med store bogstaver, "
    "tegnkoder eller mellemrum).",
    "Fjern linket, eller link til en side.",
)

URL_SCHEME = Rule(
    "link-skema",
    ERROR,
    "Et link eller billede bruger en adressetype, der ikke er tilladt, f.eks. `data:` eller `file:`.",
    "Brug et relativt link til en fil i `docs/`, eller en adresse, der starter med en af de tilladte "
    "adressetyper i listen under tabellen.",
)
