"""Rules between fields of one page and between pages: numbering, duplicates, translations, templates."""

from __future__ import annotations

from ..problems import ERROR, WARNING
from .rule import Rule

ILLUSTRATIVE_WITH_MUNICIPALITY = Rule(
    "illustrativ-kommune",
    ERROR,
    "Et illustrativt praksiseksempel nævner en kommune.",
    "Slet feltet `kommune`, eller skriv `illustrativ: false`, hvis eksemplet er fra kommunen.",
    message="Et illustrativt eksempel må ikke nævne en rigtig kommune. Slet feltet »kommune« "
    "eller sæt »illustrativ: false«, hvis eksemplet er fra kommunen.",
)

DATE_ORDER = Rule(
    "dato-raekkefoelge",
    ERROR,
    "Datoerne står i en umulig rækkefølge, f.eks. revideret før udgivet.",
    "Ret den dato, der er forkert.",
    message="»revideret« kan ikke ligge før »date«. Ret en af datoerne.",
    wordings={
        "rettelse": "Rettelsens »dato« ({fixed}) ligger før nyhedens »date« ({date}). En rettelse "
        "kommer efter nyheden: skriv den dag, du retter nyheden.",
        "slut": "Arrangementet slutter, før det starter. Ret »slut«.",
    },
)

MENU_ORDER_PLACE = Rule(
    "nav-orden-sted",
    ERROR,
    "`nav_orden` står på en side, der hverken ligger i roden af `docs/` eller er en mappes `index.md`.",
    "Slet feltet. Kun sider i roden og mappernes forsider får deres plads i hovedmenuen fra `nav_orden`.",
    message="»nav_orden« bestemmer rækkefølgen i hovedmenuen og må kun stå på sider i roden af docs/ og på "
    "mappernes forsider (index.md). Slet feltet her; siden får sin plads ud fra sin mappe.",
)

DUPLICATE_NUMBER = Rule(
    "dobbelt-nummer",
    ERROR,
    "To anbefalinger på samme sprog har samme nummer.",
    "Giv hver anbefaling sit eget nummer fra 1 til 7.",
    message="{label} {field} {value} findes allerede i {other}. Ret nummeret.",
)

UNKNOWN_RECOMMENDATION = Rule(
    "ukendt-anbefaling",
    ERROR,
    "Et praksiseksempel henviser til en anbefaling, der ikke findes.",
    "Brug et af numrene på de anbefalinger, der findes.",
    message="Der findes ingen anbefaling nummer {number}. Brug et af numrene {numbers}.",
)

FILE_NAME_NUMBER = Rule(
    "filnavn-nummer",
    ERROR,
    "En anbefalings filnavn starter ikke med dens nummer.",
    "Omdøb filen, så den starter med nummeret, f.eks. `4-tillidsfuld-relation.md`.",
    message="Filnavnet på {label} nummer {number} skal starte med »{number}-«. Omdøb filen til »{name}«.",
)

TRANSLATION_WITHOUT_ORIGINAL = Rule(
    "oversaettelse-uden-original",
    ERROR,
    "En engelsk side (`x.en.md`) har ingen dansk original (`x.md`).",
    "Opret den danske side med samme navn uden `.en`, eller ret filnavnet, så det passer til originalen.",
    message="Der findes ingen dansk original {original}. En oversættelse skal have "
    "samme navn som den danske side med ».en« før ».md«. Opret originalen, eller ret filnavnet.",
)

TRANSLATION_DISAGREES = Rule(
    "oversaettelse-uenig",
    ERROR,
    "En oversættelse har en anden værdi end den danske original i et felt, der skal være ens.",
    "Ret feltet, så det er ens på de to sprog. Afsnittet om oversættelser viser, hvilke felter det gælder.",
    message="Feltet »{name}« {here} her, men {there} i den danske original {original}. "
    "Disse felter skal være ens på begge sprog: {shared}.",
)

DUPLICATE_PAGE = Rule(
    "dobbelt-side",
    ERROR,
    "To sider ser ud til at beskrive det samme (samme titel, og for praksiseksempler samme kommune).",
    "Slå siderne sammen, eller giv dem titler, der viser forskellen.",
    message="Samme titel{shared} som {others}. To sider må ikke beskrive det samme: slå dem sammen, "
    "eller giv dem titler, der viser forskellen.",
)

UNREACHABLE_PAGE = Rule(
    "side-uopnaaelig",
    ERROR,
    "Sider kan ikke findes, fordi oversigtssiden eller dens markør mangler.",
    "Praksiseksempler vises kun via `<!-- katalog -->` i `docs/praksiseksempler/index.md`, og nyheder "
    "via `<!-- nyheder -->` i `docs/nyheder/index.md`. Opret siden, eller indsæt markøren.",
    message="Siden skal have markøren <!-- {marker} --> på en linje for sig. Den er den eneste vej til "
    "siderne i docs/{folder}/, som ikke står i menuen.",
    wordings={
        "ingen-forside": "Siden kan ikke findes: docs/{index} mangler. Opret den med markøren "
        "<!-- {marker} --> på en linje for sig.",
    },
)

TEMPLATE_TEXT = Rule(
    "skabelontekst",
    WARNING,
    "Siden indeholder stadig tekst fra skabelonen, eller et af skabelonens afsnit er tomt.",
    "Erstat skabelonens tekst med sidens egen tekst, og skriv tekst under hver af skabelonens overskrifter "
    "(eller slet en overskrift, siden ikke skal have).",
    message="»{text}« er skabelonens tekst. Erstat den med sidens egen tekst.",
    wordings={
        "beskrivelse": "»description« er stadig skabelonens tekst. Skriv en kort beskrivelse af netop denne side.",
        "tomt-afsnit": "Afsnittet »{heading}« fra skabelonen er tomt. Skriv afsnittets tekst under "
        "overskriften, eller slet overskriften, hvis siden ikke skal have afsnittet.",
    },
)

MUNICIPALITY_IN_ILLUSTRATIVE = Rule(
    "kommune-i-illustrativt",
    WARNING,
    "Et illustrativt praksiseksempel nævner en rigtig kommune i teksten.",
    "Et konstrueret eksempel må ikke kunne læses som en bestemt kommunes praksis. Skriv »en kommune« "
    "eller »kommunen« i stedet for navnet. Er eksemplet ægte, så sæt `illustrativ: false` og udfyld `kommune`.",
    message="»{word}« er navnet på en kommune, men eksemplet er konstrueret (illustrativ: true). "
    "Skriv »en kommune« eller »kommunen« i stedet for »{name}«, så eksemplet ikke kan læses som "
    "en bestemt kommunes praksis.",
)
