"""The front matter block: where it starts and ends, and whether it is YAML the model can read."""

from __future__ import annotations

from ..problems import ERROR
from .limits import MAX_FRONT_MATTER_DEPTH
from .rule import Rule

MISSING_FRONT_MATTER = Rule(
    "front-matter-mangler",
    ERROR,
    "Siden starter ikke med front matter.",
    "Første linje skal være `---`. Derefter kommer felterne og til sidst en linje med `---`.",
)

UNCLOSED_FRONT_MATTER = Rule(
    "front-matter-uafsluttet",
    ERROR,
    "Front matter bliver ikke afsluttet.",
    "Tilføj en linje med `---` efter det sidste felt.",
)

YAML_SYNTAX = Rule(
    "yaml-syntaks",
    ERROR,
    "Front matter er ikke gyldig YAML.",
    "Tjek linjen i meldingen: kolon efter feltnavnet, ens indrykning med mellemrum (ikke tabulator) "
    "og anførselstegn om tekst, der indeholder kolon eller starter med et specialtegn.",
)

FRONT_MATTER_SHAPE = Rule(
    "front-matter-form",
    ERROR,
    "Front matter er ikke en række felter.",
    "Skriv felterne som `navn: værdi`, ét felt pr. linje.",
)

DUPLICATE_FIELD = Rule("dobbelt-felt", ERROR, "Det samme felt står to gange i front matter.", "Slet den ene forekomst.")

YAML_ANCHOR = Rule(
    "yaml-anker",
    ERROR,
    "Front matter bruger et YAML-anker (`&navn`) eller -alias (`*navn`).",
    "Skriv værdien helt ud. Starter en tekst med `*` eller `&`, så sæt anførselstegn om den.",
)

YAML_DEPTH = Rule(
    "yaml-dybde",
    ERROR,
    f"Front matter er indlejret mere end {MAX_FRONT_MATTER_DEPTH} niveauer dybt.",
    "Ret indrykningen, eller fjern de ekstra `[ ]` og `{ }`. Sidernes felter bruger højst tre niveauer.",
)
