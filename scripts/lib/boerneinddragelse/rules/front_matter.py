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
    message="Siden mangler front matter. Første linje skal være »---«, derefter felterne "
    "(title, description …) og så en linje med »---«.",
)

UNCLOSED_FRONT_MATTER = Rule(
    "front-matter-uafsluttet",
    ERROR,
    "Front matter bliver ikke afsluttet.",
    "Tilføj en linje med `---` efter det sidste felt.",
    message="Front matter bliver ikke afsluttet. Tilføj en linje med »---« efter det sidste felt.",
    wordings={
        "tekst-fundet": "Front matter bliver ikke afsluttet: der mangler en linje med »---« efter det sidste felt. "
        "Sidens tekst ser ud til at begynde på linje {line}; indsæt »---« på linjen før.",
    },
)

YAML_SYNTAX = Rule(
    "yaml-syntaks",
    ERROR,
    "Front matter er ikke gyldig YAML.",
    "Tjek linjen i meldingen: kolon efter feltnavnet, ens indrykning med mellemrum (ikke tabulator) "
    "og anførselstegn om tekst, der indeholder kolon eller starter med et specialtegn.",
    message="Front matter er ikke gyldig YAML ({problem}). Tjek kolon, indrykning og anførselstegn.",
    wordings={
        "ulaeselig": "Front matter kan ikke læses: {error}.",
        "tabulator": "Linjen er indrykket med tabulator. YAML tillader kun mellemrum til indrykning: "
        "erstat tabulatoren med mellemrum.",
        "alias": "En værdi starter med »*« eller »&«, som YAML læser som et alias eller anker. Sæt anførselstegn om "
        'hele værdien, f.eks. title: "*Vigtigt* om samtaler".',
        "kolon": "Kolon uden anførselstegn: værdien indeholder »: «, som YAML læser som et nyt felt. Sæt "
        'anførselstegn om hele værdien, f.eks. description: "Et kolon: midt i teksten".',
    },
)

FRONT_MATTER_SHAPE = Rule(
    "front-matter-form",
    ERROR,
    "Front matter er ikke en række felter.",
    "Skriv felterne som `navn: værdi`, ét felt pr. linje.",
    message="Front matter skal være en række felter på formen »navn: værdi«, ikke en liste eller en enkelt værdi.",
)

DUPLICATE_FIELD = Rule(
    "dobbelt-felt",
    ERROR,
    "Det samme felt står to gange i front matter.",
    "Slet den ene forekomst.",
    message="Feltet »{key}« står to gange. Slet den ene forekomst.",
)

YAML_ANCHOR = Rule(
    "yaml-anker",
    ERROR,
    "Front matter bruger et YAML-anker (`&navn`) eller -alias (`*navn`).",
    "Skriv værdien helt ud. Starter en tekst med `*` eller `&`, så sæt anførselstegn om den.",
    message="Front matter bruger et YAML-{kind} (»{sign}«). Det er ikke "
    "tilladt her: skriv værdien helt ud. Starter en tekst med * eller &, så sæt anførselstegn om "
    'den, f.eks. title: "*Vigtigt* om samtaler".',
)

YAML_DEPTH = Rule(
    "yaml-dybde",
    ERROR,
    f"Front matter er indlejret mere end {MAX_FRONT_MATTER_DEPTH} niveauer dybt.",
    "Ret indrykningen, eller fjern de ekstra `[ ]` og `{ }`. Sidernes felter bruger højst tre niveauer.",
    message="Front matter er indlejret mere end {limit} niveauer dybt. Sidernes felter "
    "bruger højst tre niveauer; ret indrykningen eller fjern de ekstra [ ] og {{ }}.",
)
