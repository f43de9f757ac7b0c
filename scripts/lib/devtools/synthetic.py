"""Synthetic practice examples for load tests: ``generate(1000)`` gives the same 1,000 pages every time.

Used by scripts/lib/devtools/bench.py and the large-catalogue tests. The pages follow the content model
(front matter schema and body structure of PRAKSISEKSEMPEL) and take themes, age groups and
municipalities from the vocabularies, so they pass ``boerneinddragelse.site.load_site`` like real pages.
Every file name starts with ``syntetisk-``, so synthetic pages are easy to recognise and remove.

Each example is drawn from its own random generator, seeded with the seed and its index:
``generate(10)[5:] == generate(5, start=5)``, so a larger tree can be topped up from a smaller one.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml
from boerneinddragelse import vocabulary
from boerneinddragelse.model import ANBEFALING, PRAKSISEKSEMPEL
from boerneinddragelse.sourcepaths import is_translation

DEFAULT_SEED = 2023
PREFIX = "syntetisk-"
FIRST_DATE = date(2023, 6, 1)
LAST_DATE = date(2026, 10, 31)
MAX_REVISION_DAYS = 240
HEADINGS = tuple(line[3:] for line in PRAKSISEKSEMPEL.body.splitlines() if line.startswith("## "))

# Title parts; the combinations are shuffled once per seed, and a number is added only
# when the same combination comes round again.
_LEADS = (
    "Barnets stemme",
    "Samtalen først",
    "Fælles forberedelse",
    "Tydelige aftaler",
    "Barnets egne ord",
    "Faste rammer",
    "Små skridt",
    "Åbne døre",
    "Et fælles sprog",
    "Tid til barnet",
    "Barnet som medforfatter",
    "Kortere vej til rådgiveren",
    "Plads til pauser",
    "Gennemsigtige beslutninger",
    "Tillid over tid",
)
_SETTINGS = (
    "i myndighedsteamet",
    "i familieafdelingen",
    "på tværs af forvaltninger",
    "i ungeindsatsen",
    "i handicapteamet",
    "i det tidlige forebyggende arbejde",
)
_AGES = {"0-5": "de 0-5-årige", "6-12": "de 6-12-årige", "13-17": "de 13-17-årige", "18-23": "de unge voksne"}

_DESCRIPTION_TAILS = (
    "Barnet bliver spurgt, før der bliver besluttet noget, og får at vide, hvad svaret betød.",
    "Rådgiverne bruger faste spørgsmål og skriver barnets svar med barnets egne ord.",
    "Teamet har gjort det til en vane at forklare beslutninger, så barnet kan forstå dem.",
    "Lederne følger op hvert kvartal og deler erfaringerne på tværs af teams.",
    "Forældre og netværk bliver inddraget, uden at barnets perspektiv forsvinder.",
    "Barnet vælger selv, hvor og hvordan samtalerne foregår.",
    "En enkel skabelon gør det let at huske barnets perspektiv i hver sag.",
)

_BACKGROUND = (
    "Børnene fortalte os, at de ofte ikke vidste, hvorfor de skulle til møde, og hvad der skulle ske bagefter.",
    "Flere unge sagde, at de skulle fortælle deres historie forfra, hver gang de mødte en ny voksen.",
    "Vi kunne se i sagerne, at barnets perspektiv ofte stod beskrevet med de voksnes ord og ikke barnets.",
    "Rådgiverne oplevede, at der sjældent var tid til at forberede samtalen sammen med barnet.",
    "En gennemgang af sagerne viste, at barnet kun i hver tredje sag havde fået en tilbagemelding.",
    "Lovgivningen stiller krav om inddragelse, men vi manglede en fælles måde at gøre det på.",
    "Forældrene efterspurgte også mere klarhed over, hvornår og hvordan barnet blev hørt.",
    "Det var især {tema} for {alder}, der gav anledning til at se på praksis igen.",
    "Vi valgte at begynde med {tema}, fordi det var der, børnene selv pegede på et behov.",
    "Arbejdet tog udgangspunkt i anbefaling {anbefaling} og i de erfaringer, vi allerede havde gjort.",
    "Mange af børnene havde haft flere rådgivere, og kontinuiteten var ikke god nok.",
    "Vi ønskede, at barnet skulle kunne genkende sig selv i det, der stod i sagen.",
    "Ledelsen besluttede, at inddragelse skulle være en fast del af arbejdsgangene og ikke afhænge af den enkelte.",
)
_APPROACH = (
    "Før hver samtale sender rådgiveren en kort besked til barnet om, hvad samtalen skal handle om.",
    "Barnet vælger selv, om samtalen skal foregå på skolen, derhjemme, i bilen eller et helt andet sted.",
    "Rådgiveren skriver barnets svar ned med barnets egne ord og læser dem op, før samtalen slutter.",
    "Vi bruger en enkel samtaleguide med tre spørgsmål, som barnet kan se på forhånd.",
    "Barnet kan tage en voksen med, som det er trygt ved, f.eks. en lærer eller en bisidder.",
    "Efter mødet får barnet en tilbagemelding om, hvad der blev besluttet, og hvorfor.",
    "Når en beslutning går imod barnets ønske, forklarer rådgiveren begrundelsen ansigt til ansigt.",
    "I arbejdet med {tema} har vi faste aftaler om, hvem der taler med barnet, og hvornår.",
    "For {alder} tilpasser vi samtalen med tegninger, kort og korte pauser undervejs.",
    "Teamlederen gennemgår hver måned et udvalg af sager og ser efter, om barnets perspektiv er beskrevet.",
    "Nye medarbejdere får en introduktion til arbejdsgangen i deres første uge.",
    "Rådgiveren aftaler med barnet, hvordan de kan kontakte hinanden mellem møderne.",
    "Barnets plan bliver skrevet sammen med barnet, så målene er barnets egne.",
    "Netværket bliver inviteret, men barnet bestemmer, hvem der deltager i hvilke dele af mødet.",
    "Vi bruger en fast skabelon i journalen med et felt, der hedder »Det siger barnet«.",
)
_EXPERIENCE = (
    "De første måneder tog samtalerne længere tid, men vi sparede tid senere i forløbet.",
    "Børnene siger, at de føler sig mere trygge, når de ved, hvad der skal ske.",
    "Nogle børn ville ikke tale i starten, men åbnede sig, da de selv fik lov at vælge stedet.",
    "Vi har lært, at en kort og konkret tilbagemelding betyder mere end en lang forklaring.",
    "Rådgiverne oplever, at sagerne bliver bedre belyst, og at beslutningerne holder bedre.",
    "Forældrene har taget godt imod arbejdsgangen, især fordi de ved, hvornår barnet bliver hørt.",
    "Det har krævet, at ledelsen prioriterer tiden, og at vi hjælper hinanden i teamet.",
    "Arbejdet med {tema} har gjort det lettere at tale med {alder} om svære emner.",
    "Vi måtte justere skabelonen flere gange, før den passede til hverdagen.",
    "Det sværeste har været at holde fast i arbejdsgangen i travle perioder.",
    "Samarbejdet med skolerne er blevet bedre, fordi vi har fælles aftaler om inddragelsen.",
    "Børnene husker især, når de voksne gjorde det, de havde lovet.",
)
_ADVICE = (
    "Start i det små, og byg videre på det, der virker.",
    "Spørg børnene, hvad de selv synes, der skal ændres.",
    "Aftal i teamet, hvem der har ansvaret for tilbagemeldingen.",
    "Skriv barnets perspektiv med barnets egne ord.",
    "Giv barnet besked i god tid før et møde.",
    "Lad barnet vælge stedet for samtalen.",
    "Følg op på, om aftalerne bliver holdt.",
    "Brug ledelsens opbakning til at skabe tid i kalenderen.",
    "Del erfaringerne med andre teams i forvaltningen.",
    "Forklar altid beslutninger, også når de går imod barnets ønske.",
)


@dataclass(frozen=True)
class SyntheticExample:
    slug: str
    text: str

    @property
    def filename(self) -> str:
        return f"{self.slug}.md"

    @property
    def rel(self) -> str:
        """The path relative to docs/."""
        return f"{PRAKSISEKSEMPEL.folder}/{self.filename}"


def is_synthetic(name: str) -> bool:
    """True for a synthetic page's file name, slug or path (``praksiseksempler/syntetisk-00001.md``)."""
    return Path(name.rstrip("/")).name.startswith(PREFIX)


@cache
def _title_combinations(seed: int) -> tuple[tuple[str, str, str, str], ...]:
    combinations = list(itertools.product(_LEADS, vocabulary.terms("temaer"), _AGES, _SETTINGS))
    random.Random(f"{seed}-titler").shuffle(combinations)
    return tuple(combinations)


def _scalar(text: str) -> str:
    """A YAML scalar for the text: plain where YAML reads it back unchanged, double-quoted otherwise."""
    try:
        plain_ok = yaml.safe_load(text) == text and "\n" not in text
    except yaml.YAMLError:
        plain_ok = False
    if plain_ok:
        return text
    return yaml.safe_dump(text, allow_unicode=True, default_style='"', width=10_000).strip()


def _sentences(rng: random.Random, pool: tuple[str, ...], words: int, slots: dict[str, str]) -> list[str]:
    """Sentences from the pool in random order, none twice, until about ``words`` words."""
    chosen: list[str] = []
    count = 0
    for sentence in rng.sample(pool, len(pool)):
        if count >= words:
            break
        text = sentence.format(**slots)
        chosen.append(text)
        count += len(text.split())
    return chosen


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    paragraphs = []
    while sentences:
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    return paragraphs


def _example(index: int, seed: int, recommendation_files: Mapping[int, str]) -> SyntheticExample:
    rng = random.Random(f"{seed}-{index}")
    themes = vocabulary.terms("temaer")
    groups = list(vocabulary.terms("maalgrupper"))
    combinations = _title_combinations(seed)
    lead, theme, age, setting = combinations[index % len(combinations)]
    round_number = index // len(combinations)

    title = f"{lead} – {themes[theme].da.lower()} for {_AGES[age]} {setting}"
    if round_number:
        title += f" ({round_number + 1})"
    description = (
        f"{lead} {setting}: sådan arbejder et team med {themes[theme].da.lower()} for {_AGES[age]}. "
        f"{rng.choice(_DESCRIPTION_TAILS)}"
    )

    numbers = sorted(rng.sample(range(1, 8), rng.choices((1, 2, 3), weights=(55, 35, 10))[0]))
    other_themes = [t for t in themes if t != theme]
    chosen_themes = [theme, *rng.sample(other_themes, rng.choices((0, 1, 2), weights=(40, 40, 20))[0])]
    chosen_groups = [age]
    position = groups.index(age)
    if rng.random() < 0.4 and position + 1 < len(groups):
        chosen_groups.append(groups[position + 1])
    published = FIRST_DATE + timedelta(days=rng.randint(0, (LAST_DATE - FIRST_DATE).days))
    revised = min(published + timedelta(days=rng.choice((0, 0, rng.randint(1, MAX_REVISION_DAYS)))), LAST_DATE)
    municipality = rng.choice(list(vocabulary.municipalities())) if index % 2 == 0 else None

    front = [
        "---",
        f"title: {_scalar(title)}",
        f"description: {_scalar(description)}",
        "anbefalinger:",
        *(f"  - {n}" for n in numbers),
        "temaer:",
        *(f"  - {t}" for t in chosen_themes),
        "maalgruppe:",
        *(f"  - {g}" for g in chosen_groups),
    ]
    if municipality:
        front.append(f"kommune: {_scalar(municipality)}")
    front += [
        f"illustrativ: {'false' if municipality else 'true'}",
        f"date: {published.isoformat()}",
        f"revideret: {revised.isoformat()}",
    ]
    if municipality and rng.random() < 0.3:
        front += ["kontakt:", f"  navn: {_scalar(rng.choice(('Teamleder', 'Faglig koordinator', 'Afdelingsleder')))}"]
    front.append("---")

    body = _body(rng, themes[theme].da.lower(), _AGES[age], numbers[0], recommendation_files)
    text = "\n".join(front) + "\n\n" + "\n\n".join(body) + "\n"
    return SyntheticExample(f"{PREFIX}{index + 1:05d}", text)


def _body(rng: random.Random, theme: str, age: str, number: int, recommendation_files: Mapping[int, str]) -> list[str]:
    """The four sections under the type's headings, the first linking to the example's first recommendation."""
    slots = {"tema": theme, "alder": age, "anbefaling": str(number)}
    budget = rng.randint(250, 350)  # words in the body, split roughly 25/35/25/15 over the headings
    background = _sentences(rng, _BACKGROUND, budget * 25 // 100, slots)
    link = recommendation_files.get(number)
    if link:
        background.append(f"Læs mere i [anbefaling {number}](../{link}).")
    approach = _sentences(rng, _APPROACH, budget * 35 // 100, slots)
    if rng.random() < 0.5:
        approach[0] = f"**Første skridt.** {approach[0]}"
    experience = _sentences(rng, _EXPERIENCE, budget * 25 // 100, slots)
    advice = rng.sample(_ADVICE, rng.randint(3, 5))

    sections = [_paragraphs(rng, background), _paragraphs(rng, approach), _paragraphs(rng, experience)]
    body: list[str] = []
    for heading, paragraphs in zip(HEADINGS, [*sections, ["\n".join(f"- {a}" for a in advice)]], strict=True):
        body += [f"## {heading}", *paragraphs]
    return body


def generate(
    count: int, seed: int = DEFAULT_SEED, start: int = 0, recommendation_files: Mapping[int, str] | None = None
) -> list[SyntheticExample]:
    """``count`` examples numbered from ``start``; ``recommendation_files`` maps numbers to
    ``anbefalinger/<file>.md`` (relative to docs/) for a link in each example's text."""
    files = recommendation_files or {}
    return [_example(index, seed, files) for index in range(start, start + count)]


def recommendation_files(docs_dir: Path) -> dict[int, str]:
    """``{4: "anbefalinger/4-tillidsfuld-relation.md", ...}`` from the Danish recommendation files."""
    folder = docs_dir / str(ANBEFALING.folder)
    found = {}
    for path in sorted(folder.glob("[1-9]-*.md")):
        if not is_translation(path.name):
            found[int(path.name.split("-", 1)[0])] = f"{ANBEFALING.folder}/{path.name}"
    return found


def write_examples(docs_dir: Path, count: int, seed: int = DEFAULT_SEED, start: int = 0) -> list[Path]:
    """Write ``count`` synthetic examples into docs_dir/praksiseksempler/ and return their paths."""
    folder = docs_dir / str(PRAKSISEKSEMPEL.folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for example in generate(count, seed, start, recommendation_files(docs_dir)):
        path = folder / example.filename
        path.write_text(example.text, encoding="utf-8")
        paths.append(path)
    return paths
