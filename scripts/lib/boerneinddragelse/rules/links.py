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
    message="Linket peger på »{path}«, men siden findes ikke.{hint} Ret stien (relativt til denne side).",
    wordings={"mappe": "Linket »{path}« peger på en mappe. Link til filen, f.eks. »{index}«."},
)

LINK_TO_DANISH_ONLY = Rule(
    "link-kun-dansk",
    ERROR,
    "En engelsk side linker til en side, der kun findes på dansk.",
    "Den engelske udgave af hjemmesiden har ikke siden. Fjern linket, link til en side med en engelsk udgave, "
    "eller oversæt siden.",
    message="Linket peger på {target}, som kun findes på dansk og derfor ikke er "
    "med i den engelske udgave. Fjern linket, link til en engelsk side, eller oversæt siden.",
)

LINK_TO_TRANSLATION = Rule(
    "link-sprog",
    ERROR,
    "En dansk side linker til en engelsk oversættelse (`x.en.md`).",
    "Link til den danske side (`x.md`). Sprogskiftet fører læseren til den engelske udgave.",
    message="Linket peger på den engelske udgave {target}. En dansk side skal linke til "
    "den danske side, »{relative}«; sprogskiftet øverst på siden fører til den engelske.",
)

MISSING_ANCHOR = Rule(
    "anker-mangler",
    ERROR,
    "Et link peger på et afsnit (`#anker`), der ikke findes på siden.",
    "Ret ankeret, så det passer til overskriften (se »Links og billeder«), eller giv overskriften et "
    "fast anker med `{#navn}`.",
    message="Afsnittet »#{anchor}« findes ikke på {where}.{hint} Ankeret er overskriften med små bogstaver "
    "og bindestreger, og æ, ø og å skrives ae, oe og aa som i filnavne. Giv overskriften et fast "
    "anker med {{#navn}} for at være sikker.",
)

ABSOLUTE_LINK = Rule(
    "link-absolut",
    ERROR,
    "Et link starter med `/`.",
    "Skriv et relativt link til `.md`-filen. Absolutte stier virker ikke i den offline kopi.",
    message="{what} »{address}« starter med »/«. Skriv et relativt link til filen, f.eks. »{example}«; "
    "absolutte stier virker ikke i den offline kopi.",
)

MISSING_FILE = Rule(
    "fil-mangler",
    ERROR,
    "Et link peger på en fil, der ikke findes.",
    "Læg filen i `docs/assets/`, eller ret stien.",
    message="Filen »{path}« findes ikke i docs/.{hint} Ret stien, eller læg filen i docs/assets/.",
)

MISSING_IMAGE = Rule(
    "billede-mangler",
    ERROR,
    "Et billede findes ikke.",
    "Læg billedet i `docs/assets/`, eller ret stien.",
    message="Billedet »{path}« findes ikke. Læg det i docs/assets/, eller ret stien (relativt til denne side).",
)

IMAGE_WITHOUT_ALT = Rule(
    "billede-alt",
    ERROR,
    "Et billede mangler alternativ tekst.",
    "Skriv, hvad billedet viser, mellem de firkantede parenteser: `![Tre rådgivere ved et bord](...)`.",
    message="Billedet mangler alternativ tekst. Skriv mellem [ ], hvad billedet viser, så skærmlæsere kan læse det op.",
    wordings={"html": 'Billedet mangler alternativ tekst. Tilføj alt="…" med en beskrivelse af, hvad det viser.'},
)

IMAGE_TOO_LARGE = Rule(
    "billede-stort",
    ERROR,
    f"Et billede fylder mere end {MAX_IMAGE_BYTES // 1024} KB.",
    "Gør billedet mindre (færre pixels, eller gem det som JPEG/WebP), før du lægger det op.",
    message="Billedet »{path}« fylder {size} KB; grænsen er {limit} KB. "
    "Gør det mindre (færre pixels, eller gem som JPEG eller WebP).",
)

EXTERNAL_IMAGE = Rule(
    "billede-ekstern",
    ERROR,
    "Et billede hentes fra et andet website.",
    "Læg billedet i `docs/assets/` og link til det dér. Hjemmesiden henter intet fra andre hjemmesider.",
    message="Billedet hentes fra et andet website ({address}). Læg det i docs/assets/, og link til det dér.",
)

JAVASCRIPT_LINK = Rule(
    "javascript-link",
    ERROR,
    "Et link eller billede bruger `javascript:` eller `vbscript:` (også skrevet med store bogstaver, "
    "tegnkoder eller mellemrum).",
    "Fjern linket, eller link til en side.",
    message="{what} bruger »{scheme}:«. Fjern det; sider må ikke indeholde JavaScript.",
)

URL_SCHEME = Rule(
    "link-skema",
    ERROR,
    "Et link eller billede bruger en adressetype, der ikke er tilladt, f.eks. `data:` eller `file:`.",
    "Brug et relativt link til en fil i `docs/`, eller en adresse, der starter med en af de tilladte "
    "adressetyper i listen under tabellen.",
    message="{what} bruger »{scheme}:«, som ikke er tilladt (kun {allowed} og relative links). "
    "Læg filen i docs/, og link til den dér.",
)
