"""News and events: dates in file names, corrections, deadlines and event ids."""

from __future__ import annotations

from ..problems import ERROR
from .rule import Rule

UPDATE_IN_FUTURE = Rule(
    "opdatering-i-fremtiden",
    ERROR,
    "En rettelse af en nyhed (`opdateringer`) er dateret efter i dag.",
    "Skriv den dag, nyheden bliver rettet. Læg først rettelsen ind, når den er sket (se »Ret en nyhed«).",
    message="Rettelsens »dato« ({fixed}) ligger i fremtiden; i dag er det {today}. "
    "Skriv den dag, du retter nyheden, og læg rettelsen ind, når den er sket.",
)

FILE_NAME_DATE = Rule(
    "filnavn-dato",
    ERROR,
    "Datoen først i en nyheds filnavn er ikke den samme som nyhedens `date`.",
    "Ret `date`, eller omdøb filen, så den starter med udgivelsesdatoen. Husk at rette links til nyheden.",
    message="Filnavnet starter med datoen {named}, men »{field}« er {date}. Filnavnet "
    "skal starte med udgivelsesdatoen: ret »{field}«, eller omdøb filen til »{name}.md« (og ret links til nyheden).",
)

DEADLINE_AFTER_START = Rule(
    "frist-efter-start",
    ERROR,
    "Tilmeldingsfristen ligger efter arrangementets start.",
    "Ret `tilmeldingsfrist` eller `start`.",
    message="Tilmeldingsfristen ligger efter arrangementets start. Ret fristen eller starttidspunktet.",
)

DUPLICATE_EVENT_ID = Rule(
    "dobbelt-id",
    ERROR,
    "To arrangementer har samme `id`.",
    "Giv arrangementet et andet id.",
    message="Arrangement-id »{id}« bruges også i {other}. Vælg et andet id.",
)
