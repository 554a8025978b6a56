"""Jurisdiction-aware clauses: chosen by the governing law (law.country), whatever the language.

French law: an assignment names each right, its field of use, territory and duration (CPI L131-3),
moral rights stay with the author (L121-1), late payment carries penalties and the EUR 40 recovery
indemnity (C. com. L441-10). Spanish law: the same for an assignment (LPI art. 43, with the five-year
and country fallbacks), moral rights are inalienable (art. 14), late payment under Ley 3/2004 with the
EUR 40 compensation. Common law (US, GB): no work made for hire is presumed; copyright passes only in
writing. Every test runs in each language of the library, because the law, not the language, decides.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.library import load_library
from contracts.profile import Profile, parse_profile

from conftest import docx_text

ROOT = Path(__file__).resolve().parents[1]
BASE = yaml.safe_load((ROOT / "sample_profiles" / "designer-licence.yaml").read_text(encoding="utf-8"))
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


def complete(language: str) -> bool:
    """Whether a language's clause library exists and has every English clause."""
    library = load_library()
    return language in library.languages and \
        library.languages["en"].clauses.keys() <= library.languages[language].clauses.keys()


def library_has(language: str) -> None:
    """Skip while a language's clause library has not been written yet."""
    if not complete(language):
        pytest.skip(f"clauses/{language} is not complete yet")


def profile(language: str, country: str, **changes) -> Profile:
    data = copy.deepcopy(BASE)
    data["language"] = language
    data["law"] = LAWS[country]
    for path, value in changes.items():
        *parents, leaf = path.split("__")
        node = data
        for key in parents:
            node = node[key]
        if value is None:
            node.pop(leaf, None)
        else:
            node[leaf] = value
    return parse_profile(data)


def text(language: str, country: str, **changes) -> str:
    library_has(language)
    return assemble(profile(language, country, **changes)).text()


def assert_says(body: str, present, absent=()) -> None:
    for phrase in present:
        assert phrase in body, f"missing: {phrase!r}"
    for phrase in absent:
        assert phrase not in body, f"should not say: {phrase!r}"


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
        "es_late": ("Law 3/2004", "fixed compensation for recovery costs of EUR 40",
                    "60 calendar days"),
        "es_rate": ("at the rate of 1.5% per month",),
        "es_no_rate": ("European Central Bank", "plus eight percentage points"),
        "generic_late": ("bears interest at 1.5% per month",),
        "generic_no_late": ("does not charge contractual interest",),
        "us_hire": ('not "works made for hire" under the United States Copyright Act',
                    "merely because it commissioned or paid for them"),
        "gb_hire": ("merely because it commissioned or paid for them",),
        "in_writing": ("in writing signed by the Freelancer",),
    },
    "fr": {},
    "es": {},
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
        if complete(language):
            chosen[language] = assemble(profile(language, country, **MODELS.get(model, LICENCE_ONLY))).clause_ids
    assert len(set(map(tuple, chosen.values()))) == 1, chosen


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_docx_carries_the_french_and_spanish_rules(language):
    library_has(language)
    for country, late, assignment in (("FR", "fr_late", "fr_assignment"), ("ES", "es_late", "es_assignment")):
        answers = profile(language, country, **MODELS["assign_on_payment"])
        body = " ".join(docx_text(render_docx(assemble(answers))).split())
        assert_says(body, says(language, late)[-1:] + says(language, assignment)[:3])
