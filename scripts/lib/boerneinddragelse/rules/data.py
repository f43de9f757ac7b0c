"""The editors' data files in scripts/data/ (glossary, case steps, legal basis)."""

from __future__ import annotations

from ..problems import ERROR
from .rule import Rule

DATA_FILE = Rule(
    "data-fil",
    ERROR,
    "En datafil i `scripts/data/` (f.eks. `ordliste.yml` eller `sagens-trin.yml`) har en fejl: et felt "
    "mangler eller har en forkert form, eller filen henviser til en paragraf, en anbefaling eller et eksempel, "
    "der ikke findes.",
    "Ret linjen i meldingen. Paragraffer skal stå i `scripts/data/lovgrundlag.yml`, og anbefalinger og "
    "praksiseksempler skal findes i `docs/`. Kommentaren øverst i datafilen viser felterne.",
    message="{detail}",
)
