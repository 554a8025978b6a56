"""Jurisdiction-aware clauses: chosen by the governing law (law.country), whatever the language.

French law: an assignment names each right, its field of use, territory and duration (CPI L131-3),
moral rights stay with the author (L121-1), late payment carries penalties and the EUR 40 recovery
indemnity (C. com. L441-10). Spanish law: the same for an assignment (LPI art. 43, with the five-year
and country fallbacks), moral rights are inalienable (art. 14), late payment under Ley 3/2004 with the
EUR 40 compensation. Common law (US, GB): no work made for hire is presumed; copyright passes only in
writing. Every test runs in each language of the library, because the law, not the language, decides.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.library import check_library, load_library
from contracts.profile import Profile

from answers import BASE, changed
from conftest import docx_text

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("en", "fr", "es")

LAWS = {
    "FR": {"country": "FR", "venue": "the courts of Lyon"},
    "ES": {"country": "ES", "venue": "the courts of Madrid"},
    "US": BASE["law"],
    "GB": {"country": "GB", "region": "England and Wales", "venue": "the courts of England and Wales"},
}
MODELS = {  # the three ways rights pass to the Client by assignment, and the plain licence
    "full_assignment": {"ip__model": "full_assignment", "ip__buyout_percent": None},
    "assign_on_payment": {"ip__model": "assign_on_payment", "ip__buyout_percent": 40},
    "licence_with_buyout": {"ip__model": "licence", "ip__buyout_percent": 40},
}
LICENCE_ONLY = {"ip__model": "licence", "ip__buyout_percent": None}


def profile(language: str, country: str, **changes) -> Profile:
    return changed({**BASE, "language": language, "law": LAWS[country]}, **changes)


def plain(body: str) -> str:
    """No-break spaces read as spaces, and "10 %" (French, Spanish) compares equal to "10%"."""
    body = body.replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r" %", "%", body)


def text(language: str, country: str, **changes) -> str:
    return plain(assemble(profile(language, country, **changes)).text())


def assert_says(body: str, present, absent=()) -> None:
    for phrase in present:
        assert phrase in body, f"missing: {phrase!r}"
    for phrase in absent:
        assert phrase not in body, f"should not say: {phrase!r}"


def test_every_language_has_every_jurisdiction_clause():
    library = load_library()
    assert check_library(library) == []
    ids = {"ip.assignment-terms-fr", "ip.assignment-terms-es", "ip.licence-terms-fr", "ip.licence-terms-es",
           "ip.moral-rights-fr", "ip.moral-rights-es", "fees.late-payment-fr", "fees.late-payment-es"}
    for language in LANGUAGES:
        assert ids <= library.language(language).clauses.keys(), language


# What each language must say. Legal terms are the statute's own words, so a native drafter uses them.
SAYS = {
    "en": {
        "fr_assignment": (
            "Article L131-3 of the French Intellectual Property Code",
            "the right of reproduction", "the right of representation", "the right of adaptation",
            "the right of translation", "the right of distribution",
            "Field of use", "for the purposes of its business",
            "Territory", "the whole world",
            "Duration", "the full term of protection of the author's rights",
            "article L131-4",
        ),
        "fr_licence": ("Article L131-3 of the French Intellectual Property Code", "Field of use",
                       "the right of reproduction, the right of representation and the right of distribution",
                       "Territory and duration", "the licence covers the whole world"),
        "es_assignment": (
            "Article 43 of the Spanish Intellectual Property Law",
            "reproduction (article 18 LPI)", "distribution (article 19 LPI)",
            "public communication (article 20 LPI)", "transformation (article 21 LPI)",
            "Modalities of exploitation", "Territory", "the whole world", "Duration",
            "the full term of protection of the exploitation rights",
            "five years and the country in which the assignment is made", "article 49 LPI",
        ),
        "es_licence": ("Article 43 LPI", "reproduction, distribution and public communication",
                       "Modalities of exploitation", "Territory and duration",
                       "five years and the country in which the assignment is made"),
        "fr_moral": ("article L121-1 of the French Intellectual Property Code",
                     "perpetual, inalienable and imprescriptible", "They remain with the author"),
        "es_moral": ("article 14 of the Spanish Intellectual Property Law", "unwaivable and inalienable",
                     "They remain with the author"),
        "waiver": ("the Freelancer waives its moral rights",),
        "fr_code": ("French Intellectual Property Code",),
        "es_code": ("Spanish Intellectual Property Law",),
        "assigned": ("Works assigned",),
        "fr_late": ("late-payment penalties", "article L441-10 of the French Commercial Code",
                    "fixed indemnity for recovery costs of EUR 40"),
        "fr_rate": ("at the rate of 1.5% per month", "three times the French legal interest rate"),
        "fr_no_rate": ("European Central Bank", "plus 10 percentage points"),
        "fr_cap": ("no later than 60 days after the invoice date",),
        "es_late": ("Law 3/2004", "60 calendar days", "fixed compensation for recovery costs of EUR 40"),
        "es_rate": ("at the rate of 1.5% per month",),
        "es_no_rate": ("European Central Bank", "plus eight percentage points"),
        "generic_late": ("bears interest at 1.5% per month",),
        "generic_no_late": ("does not charge contractual interest",),
        "us_hire": ('not "works made for hire" under the United States Copyright Act',
                    "merely because it commissioned or paid for them"),
        "gb_hire": ("merely because it commissioned or paid for them",),
        "in_writing": ("in writing signed by the Freelancer",),
    },
    "fr": {
        "fr_assignment": (
            "Conformément à l'article L. 131-3 du Code de la propriété intellectuelle",
            "le droit de reproduction", "le droit de représentation", "le droit d'adaptation",
            "le droit de traduction", "le droit de distribution",
            "Domaine d'exploitation", "pour les besoins de son activité",
            "Territoire : le monde entier",
            "Durée : toute la durée de protection des droits d'auteur",
            "L. 131-4",
        ),
        "fr_licence": ("Conformément à l'article L. 131-3 du Code de la propriété intellectuelle",
                       "Domaine d'exploitation",
                       "le droit de reproduction, le droit de représentation et le droit de distribution",
                       "Territoire et durée", "la licence vaut pour le monde entier"),
        "es_assignment": (
            "L'article 43 de la loi espagnole sur la propriété intellectuelle",
            "la reproduction (article 18 LPI)", "la distribution (article 19 LPI)",
            "la communication publique (article 20 LPI)", "la transformation (article 21 LPI)",
            "Modalités d'exploitation", "Territoire : le monde entier",
            "Durée : toute la durée de protection des droits d'exploitation",
            "cinq ans et le pays dans lequel la cession est consentie", "article 49 LPI",
        ),
        "es_licence": ("L'article 43 LPI", "la reproduction, la distribution et la communication publique",
                       "Modalités d'exploitation", "Territoire et durée",
                       "cinq ans et le pays dans lequel la cession est consentie"),
        "fr_moral": ("article L. 121-1 du Code de la propriété intellectuelle",
                     "perpétuel, inaliénable et imprescriptible", "Il demeure attaché à l'auteur"),
        "es_moral": ("article 14 de la loi espagnole sur la propriété intellectuelle",
                     "inaliénable et l'auteur ne peut y renoncer", "Il demeure attaché à l'auteur"),
        "waiver": ("le Prestataire renonce à son droit moral",),
        "fr_code": ("Code de la propriété intellectuelle",),
        "es_code": ("loi espagnole sur la propriété intellectuelle",),
        "assigned": ("Œuvres cédées",),
        "fr_late": ("pénalités de retard", "article L. 441-10 du Code de commerce",
                    "indemnité forfaitaire pour frais de recouvrement de 40 euros"),
        "fr_rate": ("au taux de 1,5% par mois", "trois fois le taux d'intérêt légal"),
        "fr_no_rate": ("Banque centrale européenne", "majoré de 10 points de pourcentage"),
        "fr_cap": ("au plus tard 60 jours après leur date d'émission",),
        "es_late": ("Ley 3/2004", "60 jours calendaires",
                    "indemnité forfaitaire pour frais de recouvrement de 40 euros"),
        "es_rate": ("au taux de 1,5% par mois",),
        "es_no_rate": ("Banque centrale européenne", "majoré de huit points de pourcentage"),
        "generic_late": ("porte intérêt au taux de 1,5% par mois",),
        "generic_no_late": ("n'applique pas d'intérêts contractuels de retard",),
        "us_hire": ("« works made for hire »", "du seul fait qu'il les a commandés ou payés"),
        "gb_hire": ("du seul fait qu'il les a commandés ou payés",),
        "in_writing": ("acte écrit signé par le Prestataire",),
    },
    "es": {
        "fr_assignment": (
            "El artículo L131-3 del Código de la Propiedad Intelectual francés",
            "el derecho de reproducción", "el derecho de representación", "el derecho de adaptación",
            "el derecho de traducción", "el derecho de distribución",
            "Ámbito de explotación", "para los fines de su actividad",
            "Ámbito territorial: todo el mundo",
            "Duración: todo el plazo de protección de los derechos de autor",
            "L131-4",
        ),
        "fr_licence": ("El artículo L131-3 del Código de la Propiedad Intelectual francés",
                       "Ámbito de explotación",
                       "el derecho de reproducción, el derecho de representación y el derecho de distribución",
                       "Ámbito territorial y duración", "la licencia se extiende a todo el mundo"),
        "es_assignment": (
            "El artículo 43 del texto refundido de la Ley de Propiedad Intelectual",
            "reproducción (artículo 18 LPI)", "distribución (artículo 19 LPI)",
            "comunicación pública (artículo 20 LPI)", "transformación (artículo 21 LPI)",
            "Modalidades de explotación", "Ámbito territorial: todo el mundo",
            "Duración: todo el plazo de protección de los derechos de explotación",
            "cinco años y el país en el que se realice la cesión", "artículo 49 LPI",
        ),
        "es_licence": ("El artículo 43 LPI", "la reproducción, la distribución y la comunicación pública",
                       "Modalidades de explotación", "Ámbito territorial y duración",
                       "cinco años y el país en el que se realice la cesión"),
        "fr_moral": ("artículo L121-1 del Código de la Propiedad Intelectual francés",
                     "perpetuos, inalienables e imprescriptibles", "Corresponden al autor"),
        "es_moral": ("artículo 14 del texto refundido de la Ley de Propiedad Intelectual",
                     "irrenunciables e inalienables", "Corresponden al autor"),
        "waiver": ("el Profesional renuncia a sus derechos morales",),
        "fr_code": ("Código de la Propiedad Intelectual francés",),
        "es_code": ("Ley de Propiedad Intelectual",),
        "assigned": ("Obras cedidas",),
        "fr_late": ("penalizaciones por demora", "artículo L441-10 del Código de Comercio francés",
                    "indemnización a tanto alzado por costes de cobro de 40 euros"),
        "fr_rate": ("al tipo del 1,5% mensual", "triple del tipo de interés legal"),
        "fr_no_rate": ("Banco Central Europeo", "más 10 puntos porcentuales"),
        "fr_cap": ("a más tardar a los 60 días de su fecha de emisión",),
        "es_late": ("Ley 3/2004", "60 días naturales", "cantidad fija de 40 euros"),
        "es_rate": ("al tipo del 1,5% mensual",),
        "es_no_rate": ("Banco Central Europeo", "más ocho puntos porcentuales"),
        "generic_late": ("un interés de demora del 1,5% mensual",),
        "generic_no_late": ("no pacta intereses de demora contractuales",),
        "us_hire": ("(«works made for hire»)", "por el mero hecho de haberlos encargado o pagado"),
        "gb_hire": ("por el mero hecho de haberlos encargado o pagado",),
        "in_writing": ("documento escrito firmado por el Profesional",),
    },
}


def says(language: str, key: str) -> tuple[str, ...]:
    return SAYS[language][key]


# -- France ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", MODELS)
def test_french_assignment_names_each_right_field_territory_and_duration(language, model):
    body = text(language, "FR", **MODELS[model])
    assert_says(body, says(language, "fr_assignment"), says(language, "es_code"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_french_licence_names_its_rights_field_territory_and_duration(language):
    body = text(language, "FR", **LICENCE_ONLY)
    assert_says(body, says(language, "fr_licence"), says(language, "assigned"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", [*MODELS, "licence"])
def test_french_law_keeps_moral_rights_with_the_author(language, model):
    body = text(language, "FR", **MODELS.get(model, LICENCE_ONLY))
    assert_says(body, says(language, "fr_moral"), says(language, "waiver") + says(language, "es_moral")[:1])


@pytest.mark.parametrize("language", LANGUAGES)
def test_french_payment_terms_state_the_penalty_rate_and_the_40_euro_indemnity(language):
    body = text(language, "FR", payment__late_fee_percent=1.5, payment__late_fee_period="month")
    assert_says(body, says(language, "fr_late") + says(language, "fr_rate"),
                says(language, "generic_late") + says(language, "fr_no_rate") + says(language, "fr_cap"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_french_penalties_apply_by_law_even_without_a_contractual_rate(language):
    body = text(language, "FR", payment__late_fee_percent=0)
    assert_says(body, says(language, "fr_late") + says(language, "fr_no_rate"),
                says(language, "generic_no_late") + says(language, "fr_rate"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_french_payment_term_is_capped_at_sixty_days(language):
    assert_says(text(language, "FR", payment__invoice_days=90), says(language, "fr_cap"))


# -- Spain -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", MODELS)
def test_spanish_assignment_names_rights_modalities_territory_and_duration(language, model):
    body = text(language, "ES", **MODELS[model])
    assert_says(body, says(language, "es_assignment"), says(language, "fr_code"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_spanish_licence_states_the_five_year_and_country_fallback(language):
    body = text(language, "ES", **LICENCE_ONLY)
    assert_says(body, says(language, "es_licence"), says(language, "assigned"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", [*MODELS, "licence"])
def test_spanish_law_keeps_moral_rights_inalienable(language, model):
    body = text(language, "ES", **MODELS.get(model, LICENCE_ONLY))
    assert_says(body, says(language, "es_moral"), says(language, "waiver") + says(language, "fr_moral")[:1])


@pytest.mark.parametrize("language", LANGUAGES)
def test_spanish_payment_terms_carry_law_3_2004_interest_and_the_40_euro_compensation(language):
    body = text(language, "ES", payment__late_fee_percent=1.5, payment__late_fee_period="month")
    assert_says(body, says(language, "es_late") + says(language, "es_rate"),
                says(language, "generic_late") + says(language, "fr_late")[:2])
    body = text(language, "ES", payment__late_fee_percent=0)
    assert_says(body, says(language, "es_late") + says(language, "es_no_rate"), says(language, "generic_no_late"))


# -- common law --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("country", ["US", "GB"])
@pytest.mark.parametrize("model", [*MODELS, "licence"])
def test_common_law_presumes_no_work_for_hire_and_assigns_only_in_writing(language, country, model):
    body = text(language, country, **MODELS.get(model, LICENCE_ONLY))
    civil = ("fr_assignment", "es_assignment", "fr_licence", "es_licence", "fr_moral", "es_moral", "fr_late", "es_late")
    assert_says(body, says(language, f"{country.lower()}_hire") + says(language, "in_writing")
                + says(language, "waiver"),
                tuple(says(language, key)[0] for key in civil))
    assert_says(text(language, country, payment__late_fee_percent=1.5, payment__late_fee_period="month"),
                says(language, "generic_late"))


# -- the law decides, not the language ---------------------------------------------------------


@pytest.mark.parametrize("country", LAWS)
@pytest.mark.parametrize("model", [*MODELS, "licence"])
def test_the_same_clauses_are_chosen_in_every_language(country, model):
    chosen = {}
    for language in LANGUAGES:
        chosen[language] = assemble(profile(language, country, **MODELS.get(model, LICENCE_ONLY))).clause_ids
    assert len(set(map(tuple, chosen.values()))) == 1, chosen


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_docx_carries_the_french_and_spanish_rules(language):
    for country, late, assignment in (("FR", "fr_late", "fr_assignment"), ("ES", "es_late", "es_assignment")):
        answers = profile(language, country, **MODELS["assign_on_payment"])
        body = " ".join(plain(docx_text(render_docx(assemble(answers)))).split())
        assert_says(body, says(language, late)[-1:] + says(language, assignment)[:3])
