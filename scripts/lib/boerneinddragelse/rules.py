"""The validator's rules: a stable id, a severity and a Danish explanation for each.

Every problem the content model (frontmatter.py, schema_check.py, site.py) or the validator
(validation.py) reports names one of these ids. scripts/export_schemas.py writes the table in
CONTRIBUTING.md from RULES, and a test checks that every id used in the code is listed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import ERROR, WARNING

MAX_IMAGE_BYTES = 500 * 1024  # images larger than this make pages and the offline copy slow
MAX_PAGE_BYTES = 200 * 1024  # Python-Markdown slows down faster than a page grows (1 MB: about 25 s)
MAX_FRONT_MATTER_DEPTH = 10  # the content model nests three levels (a list of events, each a mapping)
MAX_MARKDOWN_DEPTH = 20  # lists, quotes, emphasis, brackets, HTML; Python-Markdown recurses once per level
MAX_EMPHASIS_RUN = 100  # Python-Markdown recurses on a run of some thousand * or _
# Python-Markdown's time for a paragraph grows with (number of [ < `) x (length); this caps a page at about a
# second. The real pages stay below 10,000.
MAX_MARKUP_COST = 2_000_000
MAX_LINE_CHARS = 5_000  # some of Python-Markdown's patterns are quadratic on one long line
# Dates outside this window are typing errors (2999 for 2024); the site's subject starts long after 2000.
EARLIEST_YEAR = 2000
LATEST_YEARS_AHEAD = 5


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # ERROR or WARNING
    description: str  # what the rule checks, in Danish
    fix: str  # how an editor fixes it, in Danish


_MODEL_RULES = (
    Rule(
        "fil-kodning",
        ERROR,
        "Filen er ikke gemt som UTF-8.",
        "Gem filen igen med tegnsættet UTF-8. UTF-8 med BOM og Windows-linjeskift er i orden.",
    ),
    Rule(
        "tom-fil",
        ERROR,
        "Filen er tom.",
        'Opret siden med `make ny TYPE=… TITEL="…"`, eller kopiér front matter fra en side af samme type.',
    ),
    Rule(
        "front-matter-mangler",
        ERROR,
        "Siden starter ikke med front matter.",
        "Første linje skal være `---`. Derefter kommer felterne og til sidst en linje med `---`.",
    ),
    Rule(
        "front-matter-uafsluttet",
        ERROR,
        "Front matter bliver ikke afsluttet.",
        "Tilføj en linje med `---` efter det sidste felt.",
    ),
    Rule(
        "yaml-syntaks",
        ERROR,
        "Front matter er ikke gyldig YAML.",
        "Tjek linjen i meldingen: kolon efter feltnavnet, ens indrykning med mellemrum (ikke tabulator) "
        "og anførselstegn om tekst, der indeholder kolon eller starter med et specialtegn.",
    ),
    Rule(
        "front-matter-form",
        ERROR,
        "Front matter er ikke en række felter.",
        "Skriv felterne som `navn: værdi`, ét felt pr. linje.",
    ),
    Rule(
        "forkert-mappe",
        ERROR,
        "Siden ligger i en forkert mappe for sin type. Felterne viser typen (f.eks. `arrangementer` en nyhed, "
        "`temaer` et praksiseksempel), og mappen bestemmer, hvordan siden bliver tjekket og vist.",
        "Flyt filen til den mappe, meldingen nævner. Fejlene om de enkelte felter venter, til siden ligger "
        "det rigtige sted.",
    ),
    Rule(
        "filnavn-tegn",
        ERROR,
        "Et fil- eller mappenavn har store bogstaver, mellemrum eller æ, ø, å. Navnet bliver sidens adresse, "
        "og sådan en adresse går let i stykker, når den bliver kopieret.",
        "Omdøb filen til navnet i meldingen (æ bliver ae, ø oe, å aa, mellemrum en bindestreg). Husk at rette "
        "links til siden.",
    ),
    Rule(
        "filnavn",
        ERROR,
        "Filnavnet følger ikke reglen: små bogstaver a-z, tal og bindestreger, endelsen `.md`.",
        "Omdøb filen til navnet i meldingen. Husk at rette links til siden.",
    ),
    Rule(
        "filtype",
        ERROR,
        "En Markdown-fil har en anden endelse end `.md`, f.eks. `.MD` eller `.markdown`. Den bliver hverken "
        "tjekket eller bygget som side.",
        "Omdøb filen til navnet i meldingen, så den ender på `.md` (små bogstaver).",
    ),
    Rule("dobbelt-felt", ERROR, "Det samme felt står to gange i front matter.", "Slet den ene forekomst."),
    Rule(
        "felt-mangler",
        ERROR,
        "Et påkrævet felt mangler.",
        "Tilføj feltet. Tabellerne over felter ovenfor viser, hvilke felter sidetypen skal have.",
    ),
    Rule(
        "ukendt-felt",
        ERROR,
        "Front matter har et felt, som sidetypen ikke kender.",
        "Ret stavefejlen (meldingen foreslår det nærmeste felt), eller slet feltet.",
    ),
    Rule(
        "felt-type",
        ERROR,
        "Et felt har en forkert slags værdi, f.eks. tekst i stedet for en liste.",
        "Skriv værdien som meldingen siger: et tal, true/false, en liste med `- ` foran hvert punkt osv.",
    ),
    Rule(
        "ugyldig-vaerdi",
        ERROR,
        "Værdien er ikke på listen over tilladte værdier.",
        "Brug en af værdierne i meldingen. Temaer, målgrupper og kommuner står i `scripts/data/`.",
    ),
    Rule(
        "ugyldig-dato",
        ERROR,
        "En dato findes ikke eller er skrevet forkert.",
        "Skriv datoen som ÅÅÅÅ-MM-DD (f.eks. 2024-06-19) og tidspunkter som ÅÅÅÅ-MM-DD TT:MM.",
    ),
    Rule(
        "ugyldig-form",
        ERROR,
        "En værdi har ikke den rigtige form, f.eks. et link uden https://.",
        "Ret værdien, så den passer til beskrivelsen i meldingen.",
    ),
    Rule("for-kort", ERROR, "En tekst er kortere end feltet kræver.", "Skriv en længere tekst."),
    Rule("for-lang", ERROR, "En tekst er længere end feltet tillader.", "Forkort teksten."),
    Rule(
        "uden-for-interval",
        ERROR,
        "Et tal ligger uden for det tilladte interval.",
        "Brug et tal inden for grænserne i meldingen.",
    ),
    Rule("for-faa", ERROR, "En liste har for få punkter.", "Tilføj mindst det antal punkter, meldingen nævner."),
    Rule("gentagelse", ERROR, "Den samme værdi står to gange i en liste.", "Slet gentagelsen."),
    Rule(
        "skema",
        ERROR,
        "Front matter bryder indholdsmodellen på en anden måde end ovenfor.",
        "Læs meldingen, og ret feltet. Kontakt udviklerne, hvis meldingen ikke er til at forstå.",
    ),
    Rule(
        "illustrativ-kommune",
        ERROR,
        "Et illustrativt praksiseksempel nævner en kommune.",
        "Slet feltet `kommune`, eller skriv `illustrativ: false`, hvis eksemplet er fra kommunen.",
    ),
    Rule(
        "dato-raekkefoelge",
        ERROR,
        "Datoerne står i en umulig rækkefølge, f.eks. revideret før udgivet.",
        "Ret den dato, der er forkert.",
    ),
    Rule(
        "opdatering-i-fremtiden",
        ERROR,
        "En rettelse af en nyhed (`opdateringer`) er dateret efter i dag.",
        "Skriv den dag, nyheden bliver rettet. Læg først rettelsen ind, når den er sket (se »Ret en nyhed«).",
    ),
    Rule(
        "filnavn-dato",
        ERROR,
        "Datoen først i en nyheds filnavn er ikke den samme som nyhedens `date`.",
        "Ret `date`, eller omdøb filen, så den starter med udgivelsesdatoen. Husk at rette links til nyheden.",
    ),
    Rule(
        "nav-orden-sted",
        ERROR,
        "`nav_orden` står på en side, der hverken ligger i roden af `docs/` eller er en mappes `index.md`.",
        "Slet feltet. Kun sider i roden og mappernes forsider får deres plads i hovedmenuen fra `nav_orden`.",
    ),
    Rule(
        "frist-efter-start",
        ERROR,
        "Tilmeldingsfristen ligger efter arrangementets start.",
        "Ret `tilmeldingsfrist` eller `start`.",
    ),
    Rule(
        "dobbelt-nummer",
        ERROR,
        "To anbefalinger på samme sprog har samme nummer.",
        "Giv hver anbefaling sit eget nummer fra 1 til 7.",
    ),
    Rule(
        "ukendt-anbefaling",
        ERROR,
        "Et praksiseksempel henviser til en anbefaling, der ikke findes.",
        "Brug et af numrene på de anbefalinger, der findes.",
    ),
    Rule("dobbelt-id", ERROR, "To arrangementer har samme `id`.", "Giv arrangementet et andet id."),
)

_VALIDATOR_RULES = (
    Rule(
        "oversaettelse-uden-original",
        ERROR,
        "En engelsk side (`x.en.md`) har ingen dansk original (`x.md`).",
        "Opret den danske side med samme navn uden `.en`, eller ret filnavnet, så det passer til originalen.",
    ),
    Rule(
        "oversaettelse-uenig",
        ERROR,
        "En oversættelse har en anden værdi end den danske original i et felt, der skal være ens.",
        "Ret feltet, så det er ens på de to sprog. Afsnittet om oversættelser viser, hvilke felter det gælder.",
    ),
    Rule(
        "link-mangler",
        ERROR,
        "Et link peger på en side, der ikke findes.",
        "Ret stien. Link til `.md`-filen relativt til siden, f.eks. `../anbefalinger/1-faelles-boernesyn.md`.",
    ),
    Rule(
        "link-kun-dansk",
        ERROR,
        "En engelsk side linker til en side, der kun findes på dansk.",
        "Den engelske udgave af sitet har ikke siden. Fjern linket, link til en side med en engelsk udgave, "
        "eller oversæt siden.",
    ),
    Rule(
        "link-sprog",
        ERROR,
        "En dansk side linker til en engelsk oversættelse (`x.en.md`).",
        "Link til den danske side (`x.md`). Sprogskiftet fører læseren til den engelske udgave.",
    ),
    Rule(
        "anker-mangler",
        ERROR,
        "Et link peger på et afsnit (`#anker`), der ikke findes på siden.",
        "Ret ankeret, så det passer til overskriften (se »Links og billeder«), eller giv overskriften et "
        "fast anker med `{#navn}`.",
    ),
    Rule(
        "link-absolut",
        ERROR,
        "Et link starter med `/`.",
        "Skriv et relativt link til `.md`-filen. Absolutte stier virker ikke i den offline kopi.",
    ),
    Rule(
        "fil-mangler",
        ERROR,
        "Et link peger på en fil, der ikke findes.",
        "Læg filen i `docs/assets/`, eller ret stien.",
    ),
    Rule("billede-mangler", ERROR, "Et billede findes ikke.", "Læg billedet i `docs/assets/`, eller ret stien."),
    Rule(
        "billede-alt",
        ERROR,
        "Et billede mangler alternativ tekst.",
        "Skriv, hvad billedet viser, mellem de firkantede parenteser: `![Tre rådgivere ved et bord](...)`.",
    ),
    Rule(
        "billede-stort",
        ERROR,
        f"Et billede fylder mere end {MAX_IMAGE_BYTES // 1024} KB.",
        "Gør billedet mindre (færre pixels, eller gem det som JPEG/WebP), før du lægger det op.",
    ),
    Rule(
        "billede-ekstern",
        ERROR,
        "Et billede hentes fra et andet website.",
        "Læg billedet i `docs/assets/` og link til det dér. Sitet henter intet fra andre websites.",
    ),
    Rule(
        "html-element",
        ERROR,
        "Siden bruger et HTML-element, der ikke er tilladt (f.eks. `<script>` eller `<iframe>`).",
        "Brug Markdown i stedet, eller et af de tilladte elementer i listen under tabellen.",
    ),
    Rule(
        "html-attribut",
        ERROR,
        "Et HTML-element eller en attributliste `{: … }` har en attribut, der ikke er tilladt: en hændelse "
        "(`onclick=` og lignende), en attribut uden for listen under tabellen, eller et id, der starter med `__`.",
        "Fjern attributten. Sider må ikke indeholde JavaScript, og byggeriet fjerner attributter uden for listen.",
    ),
    Rule(
        "javascript-link",
        ERROR,
        "Et link eller billede bruger `javascript:` eller `vbscript:` (også skrevet med store bogstaver, "
        "tegnkoder eller mellemrum).",
        "Fjern linket, eller link til en side.",
    ),
    Rule(
        "link-skema",
        ERROR,
        "Et link eller billede bruger en adressetype, der ikke er tilladt, f.eks. `data:` eller `file:`.",
        "Brug et relativt link til en fil i `docs/`, eller en adresse, der starter med en af de tilladte "
        "adressetyper i listen under tabellen.",
    ),
    Rule(
        "ukendt-markoer",
        ERROR,
        "En HTML-kommentar ligner en markør, men markøren findes ikke.",
        "Ret navnet til en af markørerne i afsnittet »Markører«, eller skriv kommentaren, så den ikke "
        "ligner en markør (f.eks. med stort begyndelsesbogstav).",
    ),
    Rule(
        "markoer-argument",
        ERROR,
        "En markør har et argument, den ikke kender, eller en værdi, der ikke passer.",
        "Ret argumentet efter tabellen i afsnittet »Markører«, f.eks. `<!-- nyheder seneste=3 -->`.",
    ),
    Rule(
        "dobbelt-side",
        ERROR,
        "To sider ser ud til at beskrive det samme (samme titel, og for praksiseksempler samme kommune).",
        "Slå siderne sammen, eller giv dem titler, der viser forskellen.",
    ),
    Rule(
        "side-uopnaaelig",
        ERROR,
        "Sider kan ikke findes, fordi oversigtssiden eller dens markør mangler.",
        "Praksiseksempler vises kun via `<!-- katalog -->` i `docs/praksiseksempler/index.md`, og nyheder "
        "via `<!-- nyheder -->` i `docs/nyheder/index.md`. Opret siden, eller indsæt markøren.",
    ),
    Rule(
        "filnavn-nummer",
        ERROR,
        "En anbefalings filnavn starter ikke med dens nummer.",
        "Omdøb filen, så den starter med nummeret, f.eks. `4-tillidsfuld-relation.md`.",
    ),
    Rule(
        "skabelontekst",
        WARNING,
        "Siden indeholder stadig tekst fra skabelonen, eller et af skabelonens afsnit er tomt.",
        "Erstat skabelonens tekst med sidens egen tekst, og skriv tekst under hver af skabelonens overskrifter "
        "(eller slet en overskrift, siden ikke skal have).",
    ),
    Rule(
        "kommune-i-illustrativt",
        WARNING,
        "Et illustrativt praksiseksempel nævner en rigtig kommune i teksten.",
        "Et konstrueret eksempel må ikke kunne læses som en bestemt kommunes praksis. Skriv »en kommune« "
        "eller »kommunen« i stedet for navnet. Er eksemplet ægte, så sæt `illustrativ: false` og udfyld `kommune`.",
    ),
    Rule(
        "kontakt-indstilling",
        ERROR,
        "Redaktionens kontaktoplysninger i `mkdocs.yml` (`extra.kontakt`) har en forkert form. Er de tomme, "
        "er det en advarsel: læserne kan ikke se, hvordan de kontakter redaktionen.",
        "Udfyld `adresse`, `email` og `telefon` under `extra.kontakt` i `mkdocs.yml`, f.eks. "
        "`email: redaktion@example.dk` og `telefon: 33 12 34 56`.",
    ),
    Rule(
        "tilgaengelighed-kontakt",
        WARNING,
        "Tilgængelighedserklæringen mangler et telefonnummer eller en skriftlig kontakt: `telefon` eller `email` "
        "under `extra.kontakt` i `mkdocs.yml` er tom. Reglerne for offentlige hjemmesider kræver begge.",
        "Udfyld `telefon` og `email` under `extra.kontakt` i `mkdocs.yml`. De vises i sidefoden og på siden "
        "»Tilgængelighedserklæring«.",
    ),
    Rule(
        "data-fil",
        ERROR,
        "En datafil i `scripts/data/` (f.eks. `ordliste.yml` eller `sagens-trin.yml`) har en fejl: et felt "
        "mangler eller har en forkert form, eller filen henviser til en paragraf, en anbefaling eller et eksempel, "
        "der ikke findes.",
        "Ret linjen i meldingen. Paragraffer skal stå i `scripts/data/lovgrundlag.yml`, og anbefalinger og "
        "praksiseksempler skal findes i `docs/`. Kommentaren øverst i datafilen viser felterne.",
    ),
    Rule(
        "intern-fejl",
        ERROR,
        "Validatoren gik i stå ved filen (en fejl i validatoren eller en fil, der ikke kan læses).",
        "Tjek, at filen kan åbnes. Meld fejlen til udviklerne med meldingens tekst.",
    ),
)

# Bounds on hostile or broken input: no file makes the validator or the build hang, crash or run out of memory.
_INPUT_RULES = (
    Rule(
        "yaml-anker",
        ERROR,
        "Front matter bruger et YAML-anker (`&navn`) eller -alias (`*navn`).",
        "Skriv værdien helt ud. Starter en tekst med `*` eller `&`, så sæt anførselstegn om den.",
    ),
    Rule(
        "yaml-dybde",
        ERROR,
        f"Front matter er indlejret mere end {MAX_FRONT_MATTER_DEPTH} niveauer dybt.",
        "Ret indrykningen, eller fjern de ekstra `[ ]` og `{ }`. Sidernes felter bruger højst tre niveauer.",
    ),
    Rule(
        "fil-stor",
        ERROR,
        f"En side fylder mere end {MAX_PAGE_BYTES // 1024} KB.",
        "Del siden op i flere sider. Så store sider er svære at læse og gør byggeriet langsomt.",
    ),
    Rule(
        "kontroltegn",
        ERROR,
        "Filen indeholder et usynligt kontroltegn (f.eks. NUL eller ESC), typisk fra kopieret tekst.",
        "Slet tegnet på den linje og kolonne, meldingen nævner, eller skriv linjen igen.",
    ),
    Rule(
        "markdown-dybde",
        ERROR,
        f"Lister, citater, fremhævninger, firkantede parenteser eller HTML er indlejret mere end "
        f"{MAX_MARKDOWN_DEPTH} niveauer dybt, eller `*` eller `_` står mere end {MAX_EMPHASIS_RUN} gange i træk.",
        "Gør strukturen fladere. Så dybe strukturer kan hverken læses eller bygges.",
    ),
    Rule(
        "markdown-tung",
        ERROR,
        "Siden har så tæt opmærkning (mange `[`, `<`, `` ` ``, `*`, `\\` eller `{` i lange afsnit) eller så lange "
        f"linjer (over {MAX_LINE_CHARS} tegn), at den ville tage minutter at bygge.",
        "Del de lange afsnit, listepunkter eller tabelrækker op, eller fjern opmærkning, der ikke skal være der.",
    ),
    Rule(
        "symlink-udenfor",
        ERROR,
        "En fil i `docs/` er en genvej (symlink), der peger uden for `docs/`.",
        "Kopiér filen ind i `docs/`, eller slet genvejen. Sitet må kun indeholde filer fra `docs/`.",
    ),
    Rule(
        "mappe-som-side",
        ERROR,
        "En mappe har et navn, der ender på `.md`, som en side.",
        "Omdøb mappen, så navnet ikke ender på `.md`.",
    ),
    Rule(
        "dato-urimelig",
        ERROR,
        f"En dato ligger før {EARLIEST_YEAR} eller mere end {LATEST_YEARS_AHEAD} år ude i fremtiden.",
        "Ret årstallet. Meldingen viser, hvilke datoer der er tilladt.",
    ),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in (*_MODEL_RULES, *_VALIDATOR_RULES, *_INPUT_RULES)}
