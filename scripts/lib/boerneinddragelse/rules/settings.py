"""The settings editors keep in mkdocs.yml."""

from __future__ import annotations

from ..problems import ERROR, WARNING
from .rule import Rule

CONTACT_DETAILS = Rule(
    "kontakt-indstilling",
    ERROR,
    "Redaktionens kontaktoplysninger i `mkdocs.yml` (`extra.kontakt`) har en forkert form. Er de tomme, "
    "er det en advarsel: læserne kan ikke se, hvordan de kontakter redaktionen.",
    "Udfyld `adresse`, `email` og `telefon` under `extra.kontakt` i `mkdocs.yml`, f.eks. "
    "`email: redaktion@example.dk` og `telefon: 33 12 34 56`.",
    message="»extra.kontakt.{key}« har ikke den rigtige form. {description}",
    wordings={
        "ukendt-felt": "»extra.kontakt« har et felt, der ikke findes ({extra}). Brug kun adresse, email og telefon.",
        "tekst": "»extra.kontakt{key}« skal være tekst. Sæt teksten i anførselstegn.",
        "yaml": "{file} kan ikke læses som YAML. Tjek indrykning og kolon på linjen.",
        "tom": "Redaktionens kontaktoplysninger (»extra.kontakt«: adresse, email, telefon) er tomme. "
        "Læserne kan ikke se, hvordan de kontakter redaktionen. Udfyld dem, før hjemmesiden udgives.",
    },
)

# Empty contact details do not break the site, so the same rule only warns about them.
EMPTY_CONTACT_DETAILS = CONTACT_DETAILS.with_severity(WARNING)

ACCESSIBILITY_CONTACT = Rule(
    "tilgaengelighed-kontakt",
    WARNING,
    "Tilgængelighedserklæringen mangler et telefonnummer eller en skriftlig kontakt: `telefon` eller `email` "
    "under `extra.kontakt` i `mkdocs.yml` er tom. Reglerne for offentlige hjemmesider kræver begge.",
    "Udfyld `telefon` og `email` under `extra.kontakt` i `mkdocs.yml`. De vises i sidefoden og på siden "
    "»Tilgængelighedserklæring«.",
    message="Tilgængelighedserklæringen skal have et telefonnummer og en skriftlig kontakt, men "
    "»extra.kontakt« mangler {missing}. Udfyld dem, før hjemmesiden udgives.",
)

EDITOR_SETTINGS = Rule(
    "redigering-indstilling",
    ERROR,
    "Indstillingerne for redigering i browseren i `mkdocs.yml` (`extra.redigering`) har en forkert form: "
    "repositorium, gren, token-tjenestens adresse eller sti.",
    "Skriv `repositorium: ejer/navn`, `gren: main`, `login_adresse: https://login.example.dk` og "
    "`login_sti: auth` under `extra.redigering` i `mkdocs.yml`, eller lad felterne være tomme.",
    message="»extra.redigering.{key}« har ikke den rigtige form. {description}",
    wordings={
        "ukendt-felt": "»extra.redigering« har et felt, der ikke findes ({extra}). Brug kun {known}.",
        "tekst": "»extra.redigering.{key}« skal være tekst. Sæt teksten i anførselstegn.",
        "felter": "»extra.redigering« skal være felter på formen »navn: værdi« (repositorium, gren …).",
    },
)
