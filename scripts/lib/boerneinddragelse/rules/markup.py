"""Markup in the body: HTML, markers, and the bounds that keep Python-Markdown fast."""

from __future__ import annotations

from ..problems import ERROR
from .limits import MAX_EMPHASIS_RUN, MAX_LINE_CHARS, MAX_MARKDOWN_DEPTH
from .rule import Rule

HTML_ELEMENT = Rule(
    "html-element",
    ERROR,
    "Siden bruger et HTML-element, der ikke er tilladt (f.eks. `<script>` eller `<iframe>`).",
    "Brug Markdown i stedet, eller et af de tilladte elementer i listen under tabellen.",
    message="HTML-elementet <{tag}> er ikke tilladt på hjemmesidens sider. Brug Markdown i stedet; "
    "de tilladte HTML-elementer står i CONTRIBUTING.md under reglen html-element.",
)

HTML_ATTRIBUTE = Rule(
    "html-attribut",
    ERROR,
    "Et HTML-element eller en attributliste `{: … }` har en attribut, der ikke er tilladt: en hændelse "
    "(`onclick=` og lignende), en attribut uden for listen under tabellen, eller et id, der starter med `__`.",
    "Fjern attributten. Sider må ikke indeholde JavaScript, og attributter uden for listen bliver fjernet, "
    "når hjemmesiden bygges.",
    message="Attributten »{name}« er ikke tilladt på {where}; den bliver fjernet, når hjemmesiden bygges. "
    "De tilladte attributter står i CONTRIBUTING.md under reglen html-attribut.",
    wordings={
        "haendelse": "Attributten »{name}« på {where} kører JavaScript. Fjern den.",
        "id": "Id'et »{value}« starter med »{prefix}«, som hjemmesidens egne elementer bruger. Vælg et andet id.",
    },
)

UNKNOWN_MARKER = Rule(
    "ukendt-markoer",
    ERROR,
    "En HTML-kommentar ligner en markør, men markøren findes ikke.",
    "Ret navnet til en af markørerne i afsnittet »Markører«, eller skriv kommentaren, så den ikke "
    "ligner en markør (f.eks. med stort begyndelsesbogstav).",
    message="Ukendt markør »{name}«.{hint} Kendte markører: {known}. "
    "Er det en almindelig kommentar, så skriv den med mere end ét ord uden »=«.",
)

MARKER_ARGUMENT = Rule(
    "markoer-argument",
    ERROR,
    "En markør har et argument, den ikke kender, eller en værdi, der ikke passer.",
    "Ret argumentet efter tabellen i afsnittet »Markører«, f.eks. `<!-- nyheder seneste=3 -->`.",
    message="{error}. Se afsnittet »Markører« i CONTRIBUTING.md.",
)

MARKDOWN_DEPTH = Rule(
    "markdown-dybde",
    ERROR,
    f"Lister, citater, fremhævninger, firkantede parenteser eller HTML er indlejret mere end "
    f"{MAX_MARKDOWN_DEPTH} niveauer dybt, eller `*` eller `_` står mere end {MAX_EMPHASIS_RUN} gange i træk.",
    "Gør strukturen fladere. Så dybe strukturer kan hverken læses eller bygges.",
    message="{what}. Så dybt kan siden ikke bygges: gør strukturen fladere.",
)

MARKDOWN_HEAVY = Rule(
    "markdown-tung",
    ERROR,
    "Siden har så tæt opmærkning (mange `[`, `<`, `` ` ``, `*`, `\\` eller `{` i lange afsnit) eller så lange "
    f"linjer (over {MAX_LINE_CHARS} tegn), at den ville tage minutter at bygge.",
    "Del de lange afsnit, listepunkter eller tabelrækker op, eller fjern opmærkning, der ikke skal være der.",
    message="Siden har meget tæt opmærkning: mange [, <, `, *, \\ eller {{ i lange afsnit, listepunkter eller "
    "tabelrækker (det værste står her). Det kan tage minutter at bygge. Del de lange afsnit op, eller "
    "fjern opmærkningen.",
    wordings={
        "lang-linje": "Linjen har mere end {limit} tegn. Så lange linjer gør det meget langsomt at bygge "
        "hjemmesiden: del linjen op (et linjeskift midt i et afsnit ses ikke på siden).",
    },
)
