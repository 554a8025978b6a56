"""The interview as a French or a Spanish freelancer types it: their words, their law, their language."""

from __future__ import annotations

from web.interview import ANSWERS, STEP_IDS, step_url

PEOPLE = {
    "fr": {
        "language": "fr", "currency": "EUR", "project": "Refonte du site de la Boulangerie du Port",
        "law-country": "FR", "law-region": "", "law-venue": "les tribunaux de Nantes",
        "freelancer-name": "Atelier Pixel SARL", "freelancer-address": "12 rue du Canal\n44000 Nantes",
        "freelancer-email": "ada@atelier-pixel.fr", "freelancer-signer_name": "Adèle Pixel",
        "freelancer-signer_title": "Gérante", "freelancer-business_id": "SIREN 812 345 678",
        "client-name": "Boulangerie du Port SAS", "client-address": "3 quai de la Fosse\n44000 Nantes",
        "client-email": "bonjour@boulangerie-port.fr", "client-signer_name": "Thomas Fournier",
        "client-signer_title": "Président",
        "deliverables-0-title": "Maquette de la page d'accueil", "deliverables-1-title": "Pages du menu",
        "deliverables-0-description": "Versions ordinateur et mobile.", "exclusions": "Photographie\nRédaction",
        "ip-pre_existing": "Jeu d'icônes Mie", "contacts-primary-name": "Thomas Fournier",
        "contacts-primary-title": "Président", "contacts-primary-email": "thomas@boulangerie-port.fr",
        "contacts-authorised-0-name": "Sophie Mie", "contacts-authorised-0-title": "Responsable",
        "contacts-approver-name": "Thomas Fournier", "reseller-accounts-0-provider": "Hébergement Atlantique",
        "reseller-vault": "Coffre Bitwarden Boulangerie",
    },
    "es": {
        "language": "es", "currency": "EUR", "project": "Rediseño de la web de Panadería del Puerto",
        "law-country": "ES", "law-region": "", "law-venue": "los juzgados de Valencia",
        "freelancer-name": "Estudio Píxel SL", "freelancer-address": "Calle del Canal 12\n46001 Valencia",
        "freelancer-email": "ada@estudiopixel.es", "freelancer-signer_name": "Adela Píxel",
        "freelancer-signer_title": "Administradora", "freelancer-business_id": "B12345678",
        "client-name": "Panadería del Puerto SL", "client-address": "Muelle de la Aduana 3\n46024 Valencia",
        "client-email": "hola@panaderiapuerto.es", "client-signer_name": "Tomás Horno",
        "client-signer_title": "Gerente",
        "deliverables-0-title": "Diseño de la página de inicio", "deliverables-1-title": "Páginas de la carta",
        "deliverables-0-description": "Versiones de escritorio y móvil.", "exclusions": "Fotografía\nRedacción",
        "ip-pre_existing": "Juego de iconos Miga", "contacts-primary-name": "Tomás Horno",
        "contacts-primary-title": "Gerente", "contacts-primary-email": "tomas@panaderiapuerto.es",
        "contacts-authorised-0-name": "Sara Miga", "contacts-authorised-0-title": "Encargada",
        "contacts-approver-name": "Tomás Horno", "reseller-accounts-0-provider": "Alojamientos Levante",
        "reseller-vault": "Bóveda Bitwarden Panadería",
    },
}


def answers_in(locale: str) -> dict[str, dict]:
    """Every step's answers, with this freelancer's words in place of the English ones."""
    words = PEOPLE[locale]
    return {step: {name: words.get(name, value) for name, value in fields.items()} for step, fields in ANSWERS.items()}


def business_in(locale: str) -> dict[str, str]:
    """The business details form, filled with this freelancer's own party."""
    parties = answers_in(locale)["parties"]
    return {f"business-{name.removeprefix('freelancer-')}": value for name, value in parties.items()
            if name.startswith("freelancer-")}


def answer_all_in(client, contract_id: int, locale: str, **changes: str) -> None:
    """Answer every step in this language, with `changes` to the parties step."""
    answers = answers_in(locale)
    answers["parties"] = {**answers["parties"], **changes}
    for step in STEP_IDS:
        response = client.post(step_url(contract_id, step), data=answers[step])
        assert response.status_code in (302, 303), (step, response.text[:2000])
