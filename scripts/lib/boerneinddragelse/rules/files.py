"""Files in docs/: encoding, names, folders, links that leave docs/, and the validator's own failure."""

from __future__ import annotations

from ..problems import ERROR
from .limits import MAX_PAGE_BYTES
from .rule import Rule

NOT_UTF8 = Rule(
    "fil-kodning",
    ERROR,
    "Filen er ikke gemt som UTF-8.",
    "Gem filen igen med tegnsættet UTF-8. UTF-8 med BOM og Windows-linjeskift er i orden.",
    message="Filen er ikke gemt som UTF-8. Gem den igen med tegnsættet UTF-8 "
    "(i de fleste editorer: »Save with encoding« > UTF-8).",
)

EMPTY_FILE = Rule(
    "tom-fil",
    ERROR,
    "Filen er tom.",
    'Opret siden med `make ny TYPE=… TITEL="…"`, eller kopiér front matter fra en side af samme type.',
    message="Filen er tom. Udfyld den fra skabelonen (make ny).",
)

FILE_TOO_LARGE = Rule(
    "fil-stor",
    ERROR,
    f"En side fylder mere end {MAX_PAGE_BYTES // 1024} KB.",
    "Del siden op i flere sider. Så store sider er svære at læse, og de gør det langsomt at bygge hjemmesiden.",
    message="Filen fylder {size} KB; en side må højst fylde {limit} KB. Del den op i flere sider.",
)

CONTROL_CHARACTER = Rule(
    "kontroltegn",
    ERROR,
    "Filen indeholder et usynligt kontroltegn (f.eks. NUL eller ESC), typisk fra kopieret tekst.",
    "Slet tegnet på den linje og kolonne, meldingen nævner, eller skriv linjen igen.",
    message="Linjen indeholder et usynligt kontroltegn (U+{code}). Slet det; skriv "
    "linjen igen, hvis du ikke kan se, hvor det står.",
)

WRONG_FOLDER = Rule(
    "forkert-mappe",
    ERROR,
    "Siden ligger i en forkert mappe for sin type. Felterne viser typen (f.eks. `arrangementer` en nyhed, "
    "`temaer` et praksiseksempel), og mappen bestemmer, hvordan siden bliver tjekket og vist.",
    "Flyt filen til den mappe, meldingen nævner. Fejlene om de enkelte felter venter, til siden ligger "
    "det rigtige sted.",
    wordings={
        "undermappe": "Siden ligger i en undermappe. Sider af typen {label} skal ligge direkte i docs/{folder}/. "
        "I en undermappe bliver den en almindelig side, som ikke kan findes. Flyt filen op i docs/{folder}/.",
    },
    message="{fields} {shown} viser, at siden er af typen {label}, men den {where}. {fix}. "
    "Sidetypen bestemmes af mappen, så felterne bliver først tjekket, når filen ligger det rigtige sted.",
)

FILE_NAME_CHARACTERS = Rule(
    "filnavn-tegn",
    ERROR,
    "Et fil- eller mappenavn har store bogstaver, mellemrum eller æ, ø, å. Navnet bliver sidens adresse, "
    "og sådan en adresse går let i stykker, når den bliver kopieret.",
    "Omdøb filen til navnet i meldingen (æ bliver ae, ø oe, å aa, mellemrum en bindestreg). Husk at rette "
    "links til siden.",
    message="{what} »{part}« har store bogstaver, mellemrum eller æ, ø, å, og navnet bliver sidens "
    "adresse. Omdøb filen til »{proposed}«, og ret links til siden.",
)

FILE_NAME = Rule(
    "filnavn",
    ERROR,
    "Filnavnet følger ikke reglen: små bogstaver a-z, tal og bindestreger, endelsen `.md`.",
    "Omdøb filen til navnet i meldingen. Husk at rette links til siden.",
    message="{what} »{part}« må kun have små bogstaver a-z, tal og enkelte bindestreger mellem ordene "
    "(og ».en« før ».md« på engelske sider). Omdøb filen til »{proposed}«, og ret links til siden.",
)

FILE_NAME_RESERVED = Rule(
    "filnavn-forbeholdt",
    ERROR,
    "Navne som `side-2.md` i mappen med praksiseksempler er forbeholdt katalogets egne sider.",
    "Giv filen et navn efter sidens titel (som `make ny` gør).",
    message="Filnavnet »{name}« er forbeholdt kataloget: dets side {number} har adressen »{folder}/side-{number}/«. "
    "Giv filen et navn efter sidens titel.",
)

FILE_EXTENSION = Rule(
    "filtype",
    ERROR,
    "En Markdown-fil har en anden endelse end `.md`, f.eks. `.MD` eller `.markdown`. Den bliver hverken "
    "tjekket eller bygget som side.",
    "Omdøb filen til navnet i meldingen, så den ender på `.md` (små bogstaver).",
    message="Markdown-filer skal ende på ».md« med små bogstaver; ellers bliver de hverken tjekket eller bygget "
    "som sider. Omdøb filen til »{proposed}«.",
)

SYMLINK_OUTSIDE = Rule(
    "symlink-udenfor",
    ERROR,
    "En fil i `docs/` er en genvej (symlink), der peger uden for `docs/`.",
    "Kopiér filen ind i `docs/`, eller slet genvejen. Hjemmesiden må kun indeholde filer fra `docs/`.",
    message="Filen er en genvej (symlink), der peger uden for docs/. Hjemmesiden må kun indeholde filer fra "
    "docs/: kopiér filen ind, eller slet genvejen.",
)

FOLDER_NAMED_AS_PAGE = Rule(
    "mappe-som-side",
    ERROR,
    "En mappe har et navn, der ender på `.md`, som en side.",
    "Omdøb mappen, så navnet ikke ender på `.md`.",
    message="»{name}« er en mappe, men navnet ligner en side. Omdøb mappen, så den ikke ender på »{suffix}«.",
)

INTERNAL_ERROR = Rule(
    "intern-fejl",
    ERROR,
    "Validatoren gik i stå ved filen (en fejl i validatoren eller en fil, der ikke kan læses).",
    "Tjek, at filen kan åbnes. Meld fejlen til udviklerne med meldingens tekst.",
    message="Validatoren kunne ikke tjekke filen færdig ({detail}). Tjek, at filen kan åbnes, "
    "og meld fejlen til udviklerne, hvis den bliver ved.",
)
