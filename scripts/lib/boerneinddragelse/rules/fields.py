"""Single fields against the page type's schema."""

from __future__ import annotations

from ..problems import ERROR
from .limits import EARLIEST_YEAR, LATEST_YEARS_AHEAD
from .rule import Rule

MISSING_FIELD = Rule(
    "felt-mangler",
    ERROR,
    "Et påkrævet felt mangler.",
    "Tilføj feltet. Tabellerne over felter ovenfor viser, hvilke felter sidetypen skal have.",
    message="Feltet »{name}« mangler{where}. Tilføj det.{hint}",
    wordings={"kommune": "Et eksempel fra en rigtig kommune skal have feltet »kommune«."},
)

UNKNOWN_FIELD = Rule(
    "ukendt-felt",
    ERROR,
    "Front matter har et felt, som sidetypen ikke kender.",
    "Ret stavefejlen (meldingen foreslår det nærmeste felt), eller slet feltet.",
    message="Ukendt felt »{name}«.{hint}",
)

FIELD_TYPE = Rule(
    "felt-type",
    ERROR,
    "Et felt har en forkert slags værdi, f.eks. tekst i stedet for en liste.",
    "Skriv værdien som meldingen siger: et tal, true/false, en liste med `- ` foran hvert punkt osv.",
    message="Feltet »{field}« skal være {expected}, men er {value}.",
)

INVALID_VALUE = Rule(
    "ugyldig-vaerdi",
    ERROR,
    "Værdien er ikke på listen over tilladte værdier.",
    "Brug en af værdierne i meldingen. Temaer, målgrupper og kommuner står i `scripts/data/`.",
    message="{value} er ikke en tilladt værdi for »{field}«.{hint} Tilladte værdier: {listing}.",
)

INVALID_DATE = Rule(
    "ugyldig-dato",
    ERROR,
    "En dato findes ikke eller er skrevet forkert.",
    "Skriv datoen som ÅÅÅÅ-MM-DD (f.eks. 2024-06-19) og tidspunkter som ÅÅÅÅ-MM-DD TT:MM.",
    message="»{field}« skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD (f.eks. 2023-06-19), men er {value}.",
    wordings={
        "lokal-tid": "»{field}« skal være dato og klokkeslæt skrevet ÅÅÅÅ-MM-DD TT:MM (f.eks. 2023-06-09 10:00), "
        "men er {value}.",
        "dato-eller-tid": "»{field}« skal være en dato (ÅÅÅÅ-MM-DD) eller dato og klokkeslæt (ÅÅÅÅ-MM-DD TT:MM), "
        "men er {value}.",
    },
)

INVALID_FORMAT = Rule(
    "ugyldig-form",
    ERROR,
    "En værdi har ikke den rigtige form, f.eks. et link uden https://.",
    "Ret værdien, så den passer til beskrivelsen i meldingen.",
    message="»{field}« har ikke den rigtige form: {description}",
)

TOO_SHORT = Rule(
    "for-kort",
    ERROR,
    "En tekst er kortere end feltet kræver.",
    "Skriv en længere tekst.",
    message="»{field}« er for kort (mindst {limit} tegn).",
)

TOO_LONG = Rule(
    "for-lang",
    ERROR,
    "En tekst er længere end feltet tillader.",
    "Forkort teksten.",
    message="»{field}« er for lang (højst {limit} tegn). Forkort teksten.",
)

OUT_OF_RANGE = Rule(
    "uden-for-interval",
    ERROR,
    "Et tal ligger uden for det tilladte interval.",
    "Brug et tal inden for grænserne i meldingen.",
    message="»{field}« skal ligge mellem {low} og {high}, men er {value}.",
)

TOO_FEW = Rule(
    "for-faa",
    ERROR,
    "En liste har for få punkter.",
    "Tilføj mindst det antal punkter, meldingen nævner.",
    message="»{field}« skal have mindst {limit} punkt(er).",
)

REPEATED_VALUE = Rule(
    "gentagelse",
    ERROR,
    "Den samme værdi står to gange i en liste.",
    "Slet gentagelsen.",
    message="»{field}« indeholder den samme værdi to gange. Slet gentagelsen.",
)

IMPLAUSIBLE_DATE = Rule(
    "dato-urimelig",
    ERROR,
    f"En dato ligger før {EARLIEST_YEAR} eller mere end {LATEST_YEARS_AHEAD} år ude i fremtiden.",
    "Ret årstallet. Meldingen viser, hvilke datoer der er tilladt.",
    message="Datoen {value} ligger uden for det mulige: datoer skal ligge mellem år {earliest} og "
    "{latest} ({ahead} år frem). Ret årstallet.",
)
