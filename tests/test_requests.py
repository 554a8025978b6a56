"""Requests after exit: a former client's request gets the clause of the signed contract that covers
it, the outcome, the price, and a short reply draft in the contract's language quoting that clause.

Contracts are assembled from the real samples with some answers changed; the engagement ends by
notice on March 1, 2027 with all fees paid, so (designer sample) the handover is due by March 11,
the service end date is May 1, 2027, and the buyout price is 40% of $10,000.
"""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from contracts import markup
from contracts.assemble import assemble
from contracts.library import CLAUSES_DIR, load_library
from contracts.requests import OUTCOMES, RULES, TOPICS, Answer, answer, check_requests, classify, load_requests
from contracts.transition import Ending, plan_exit

from answers import BASE, changed

ROOT = Path(__file__).resolve().parents[1]
RESELLER = yaml.safe_load((ROOT / "sample_profiles" / "designer-reseller.yaml").read_text(encoding="utf-8"))
NOTICE, RECEIVED, SERVICE_END = date(2027, 3, 1), date(2027, 3, 20), date(2027, 5, 1)


def ask(text: str, language: str = "en", received: date = RECEIVED, topic: str | None = None,
        base: dict = BASE, fees_paid: str | None = None, **changes) -> Answer:
    """The answer to a request, from a contract built from `base` with some answers changed."""
    profile = changed({**base, "language": language}, **changes)
    paid = Decimal(fees_paid) if fees_paid else profile.total_fees
    plan = plan_exit(profile, Ending(ended_by="client", notice_date=NOTICE, fees_paid=paid))
    return answer(assemble(profile), plan, text, received, topic=topic)


def governed(result: Answer, outcome: str, clause_id: str) -> None:
    assert (result.outcome, result.clause_id) == (outcome, clause_id), result


# -- classification --------------------------------------------------------------------------


@pytest.mark.parametrize("language, text, topic", [
    ("en", "Hi, could you send us the vector files?", "source_files"),
    ("en", "Can we have the source files?", "source_files"),
    ("en", "Could you share the .ai for the label?", "source_files"),
    ("en", "we need the PSD", "source_files"),
    ("en", "Is there a Figma file we can use?", "source_files"),
    ("en", "Can you send the final PDFs again? We lost them.", "deliverables"),
    ("en", "What's the password for the website admin login?", "credentials"),
    ("en", "What\u2019s the password for the website?", "credentials"),
    ("en", "What stock was that printed on?", "production_specs"),
    ("en", "What paper and what Pantone did you use?", "production_specs"),
    ("en", "Which finish was it, matte or gloss?", "production_specs"),
    ("en", "Who printed this?", "supplier"),
    ("en", "Which printer did you use?", "supplier"),
    ("en", "Can I pick your brain for five minutes?", "advice"),
    ("en", "Quick question: how did you do the gradient?", "advice"),
    ("en", "Could you design a new menu for our spring launch?", "other"),
    ("en", "We're moving to Epsom next month.", "other"),
    ("fr", "Bonjour, envoyez-nous les fichiers vectoriels svp", "source_files"),
    ("fr", "Pourriez-vous nous transmettre les fichiers sources ?", "source_files"),
    ("fr", "Pouvez-vous renvoyer les fichiers définitifs ?", "deliverables"),
    ("fr", "Sur quel papier la brochure a-t-elle été imprimée ?", "production_specs"),
    ("fr", "QUI A IMPRIME les étiquettes ?", "supplier"),
    ("fr", "Quel est le mot de passe du site ?", "credentials"),
    ("fr", "Pouvez-vous nous redonner les identifiants ?", "credentials"),
    ("fr", "Une petite question sur la mise en page", "advice"),
    ("fr", "Je voulais vous demander conseil pour la suite", "advice"),
    ("fr", "Pouvez-vous créer une nouvelle affiche ?", "other"),
    ("es", "Envíennos los archivos vectoriales, por favor", "source_files"),
    ("es", "¿Nos pasan los archivos fuente?", "source_files"),
    ("es", "¿Pueden volver a enviar los archivos finales?", "deliverables"),
    ("es", "¿En qué papel se imprimió?", "production_specs"),
    ("es", "¿Quién lo imprimió?", "supplier"),
    ("es", "¿Cuál es la contraseña del panel?", "credentials"),
    ("es", "Una pregunta rápida sobre el catálogo", "advice"),
    ("es", "Quería pedirte consejo sobre la web", "advice"),
    ("es", "¿Podrían diseñar un cartel nuevo?", "other"),
])
def test_requests_former_clients_send_are_classified(language, text, topic):
    assert classify(text, language) == topic


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_phrase_of_a_topic_is_classified_as_that_topic(language):
    phrases = load_requests(language)["topics"]
    for topic in TOPICS[:-1]:
        for phrase in phrases[topic]:
            assert classify(phrase, language) == topic, phrase


def test_every_rule_has_a_known_outcome_and_every_outcome_a_rule():
    assert {key.split(".")[0] for key in RULES} == set(OUTCOMES)


def test_the_freelancer_can_correct_the_topic():
    assert ask("Hello again!").topic == "other"
    corrected = ask("Hello again!", topic="credentials")
    assert corrected.topic == "credentials"
    governed(corrected, "included", "exit.handover")
    with pytest.raises(ValueError):
        ask("Hello again!", topic="gossip")


# -- source files under each IP model --------------------------------------------------------


@pytest.mark.parametrize("language, text, price", [
    ("en", "Send us the vector files", "$4,000.00"),
    ("fr", "Envoyez-nous les fichiers vectoriels", "4\u202f000,00\xa0$US"),
    ("es", "Envíennos los archivos vectoriales", "4.000,00\xa0US$"),
])
def test_source_files_under_a_licence_with_a_buyout_are_for_sale_at_the_buyout_price(language, text, price):
    result = ask(text, language)
    governed(result, "purchase", "ip.buyout")
    assert result.price == Decimal("4000.00")
    assert price in result.reply


def test_buyout_price_is_the_percentage_of_the_fees_actually_paid():
    result = ask("Can we buy the source files?", fees_paid="5000")
    assert result.price == Decimal("2000.00") and "$2,000.00" in result.reply


def test_source_files_under_a_licence_without_a_buyout_are_declined():
    result = ask("Send us the vector files", ip__buyout_percent=None)
    governed(result, "declined", "ip.source-files-not-for-sale")
    assert result.price is None
    assert result.quote.startswith("The Source Files are not for sale.")


def test_source_files_assigned_on_payment_are_for_sale_when_the_contract_offers_a_buyout():
    governed(ask("Can we have the PSD files?", ip__model="assign_on_payment"), "purchase", "ip.buyout")
    refused = ask("Can we have the PSD files?", ip__model="assign_on_payment", ip__buyout_percent=None)
    governed(refused, "declined", "ip.source-files-not-for-sale")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_source_files_under_a_full_assignment_are_included(language):
    text = {"en": "Send us the source files", "fr": "Les fichiers sources, svp", "es": "Los archivos fuente, por favor"}
    result = ask(text[language], language, ip__model="full_assignment", ip__buyout_percent=None)
    governed(result, "included", "exit.source-files")
    assert result.price is None


@pytest.mark.parametrize("language, text", [
    ("en", "Can you send us the vector files of the logo?"),
    ("fr", "Pouvez-vous nous envoyer le logo en vectoriel ?"),
    ("es", "¿Nos envían el logotipo en formato vectorial?"),
])
def test_logo_vector_files_are_included_whatever_the_ip_model(language, text):
    result = ask(text, language, ip__buyout_percent=None)
    governed(result, "included", "ip.logo")
    assert result.topic == "source_files" and result.price is None


def test_logo_vector_files_follow_the_ip_model_when_the_contract_has_no_logo_clause():
    governed(ask("Can you send us the vector files of the logo?", ip__logo=False), "purchase", "ip.buyout")


# -- files again, credentials ----------------------------------------------------------------


def test_final_files_again_are_in_the_one_free_batch_and_a_second_batch_is_billed():
    result = ask("Can you send the final PDFs again?")
    governed(result, "included", "exit.handover")
    assert "March 11, 2027" in result.reply and "second batch" in result.reply and "$95.00" in result.reply


@pytest.mark.parametrize("language, text, missing", [
    ("en", "Can you send the final PDFs again?", "If anything was missing from that batch"),
    ("fr", "Pouvez-vous renvoyer les fichiers définitifs ?", "Si un élément manquait dans cet envoi"),
    ("es", "¿Cuál es la contraseña de la web?", "Si faltaba algo en ese lote"),
])
def test_once_the_handover_date_has_passed_the_reply_offers_to_complete_the_batch(language, text, missing):
    assert missing not in ask(text, language, received=date(2027, 3, 11)).reply  # the handover date itself
    assert missing in ask(text, language, received=date(2027, 3, 12)).reply


@pytest.mark.parametrize("language, text, channel", [
    ("en", "What's the password for the website?", "through Bitwarden"),
    ("fr", "Quel est le mot de passe du site ?", "par Bitwarden"),
    ("es", "¿Cuál es la contraseña de la web?", "a través de Bitwarden"),
])
def test_website_passwords_are_handed_over_once_through_the_secure_channel(language, text, channel):
    result = ask(text, language, reseller__vault="Bitwarden")
    governed(result, "included", "exit.handover")
    assert channel in result.reply


def test_website_passwords_without_a_named_vault_go_through_a_password_manager():
    assert "through a shared password manager and never by email" in ask("Send me the admin login").reply


# -- print stock and supplier under each reseller stance -------------------------------------


def test_supplier_is_named_when_the_client_holds_the_account():
    result = ask("Who printed this?")
    governed(result, "included", "accounts.client-accounts")
    assert "Pacific Print Co." in result.reply and "Northwind Coffee Roasters, Inc." in result.reply


def test_print_stock_is_billable_advice_when_the_client_holds_the_accounts():
    result = ask("What stock was that printed on?")
    governed(result, "billable", "exit.production-advice")
    assert result.price == Decimal("95") and "$95.00" in result.reply


def test_print_stock_is_declined_when_the_contract_offers_no_production_advice():
    result = ask("What stock was that printed on?", termination__production_advice=False)
    governed(result, "declined", "exit.no-production-advice")
    assert result.price is None


@pytest.mark.parametrize("language, text", [
    ("en", "Who printed this?"), ("en", "What stock was that printed on?"),
    ("fr", "Qui a imprimé les étuis ?"), ("fr", "Sur quel papier ?"),
    ("es", "¿Quién lo imprimió?"), ("es", "¿En qué papel se imprimió?"),
])
def test_supplier_and_print_stock_are_confidential_for_a_reseller(language, text):
    result = ask(text, language, base=RESELLER)
    governed(result, "declined", "accounts.reseller")
    marker = {"en": "confidential know-how", "fr": "savoir-faire confidentiel",
              "es": "conocimientos técnicos confidenciales"}[language]
    assert marker in result.quote and result.price is None
    assert "Trade print account" not in result.reply


# -- advice ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language, text, rate", [
    ("en", "Can I pick your brain about the packaging?", "$95.00"),
    ("fr", "Je voulais vous demander conseil", "95,00\xa0$US"),
    ("es", "Quería pedirte consejo", "95,00\xa0US$"),
])
def test_pick_your_brain_is_billed_at_the_hourly_rate_when_the_contract_offers_advice(language, text, rate):
    result = ask(text, language)
    governed(result, "billable", "exit.production-advice")
    assert result.price == Decimal("95") and rate in result.reply


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_pick_your_brain_is_declined_when_the_contract_offers_no_advice(language):
    text = {"en": "Quick question: how did you do that?", "fr": "Une petite question", "es": "Una pregunta rápida"}
    result = ask(text[language], language, termination__production_advice=False)
    governed(result, "declined", "exit.no-production-advice")


def test_new_work_is_billable_once_quoted():
    result = ask("Could you design a poster for our anniversary?")
    governed(result, "billable", "changes.change-requests")
    assert result.price is None and "written quote" in result.reply


# -- the service end date --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Send us the vector files", "What's the password?", "Who printed this?",
                                  "Can I pick your brain?", "Please design a poster"])
def test_a_request_after_the_service_end_date_is_too_late_whatever_it_asks(text):
    result = ask(text, received=date(2027, 5, 2))
    governed(result, "too_late", "exit.service-end")
    assert "declines all requests" in result.quote and "May 1, 2027" in result.reply


def test_a_request_on_the_service_end_date_itself_is_still_answered():
    governed(ask("Send us the vector files", received=SERVICE_END), "purchase", "ip.buyout")


@pytest.mark.parametrize("language, phrase", [("fr", "1er mai 2027"), ("es", "1 de mayo de 2027")])
def test_too_late_reply_is_in_the_contract_language(language, phrase):
    result = ask("x", language, received=date(2027, 6, 1), topic="deliverables")
    governed(result, "too_late", "exit.service-end")
    assert phrase in result.reply


# -- the reply -------------------------------------------------------------------------------


def _clause(contract, clause_id):
    return next(c for s in contract.sections for c in s.clauses if c.id == clause_id)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_reply_quotes_the_clause_number_and_text_of_that_contract(language):
    profile = changed({**BASE, "language": language}, termination__production_advice=False)
    contract = assemble(profile)
    plan = plan_exit(profile, Ending(ended_by="client", notice_date=NOTICE, fees_paid=profile.total_fees))
    result = answer(contract, plan, "x", RECEIVED, topic="advice")
    clause = _clause(contract, "exit.no-production-advice")
    assert (result.clause_number, result.clause_title) == (clause.number, clause.title)
    assert result.quote == markup.block_text(clause.blocks[0])
    assert clause.number in result.reply and clause.title in result.reply and result.quote in result.reply
    assert result.reply.splitlines()[-1] == "Maya Lindqvist"
    assert 5 <= len([line for line in result.reply.splitlines() if line]) <= 7


def test_price_is_shown_in_the_contract_currency_and_locale():
    assert "4\u202f000,00\xa0€" in ask("Les fichiers sources ?", "fr", currency="EUR").reply
    assert "4.000,00\xa0€" in ask("Los archivos fuente", "es", currency="EUR").reply
    assert "£4,000.00" in ask("The source files", currency="GBP").reply


def test_request_and_names_with_template_syntax_appear_literally():
    text = "{{ client.name }} {% for x in y %} **now** | - # \\ send the source files"
    result = ask(text, freelancer__signer_name="Maya {{ 7 * 7 }} Lindqvist")
    assert "{{ client.name }} {% for x in y %} **now** | - # \\ send the source files" in result.reply
    assert result.reply.splitlines()[-1] == "Maya {{ 7 * 7 }} Lindqvist"
    assert "\\|" not in result.reply and "\\-" not in result.reply


# -- the check `clausewright clauses check` runs ---------------------------------------------


def test_shipped_requests_pass_the_check():
    assert check_requests(load_library()) == []


def test_check_names_each_broken_request_file(tmp_path):
    root = tmp_path / "clauses"
    shutil.copytree(CLAUSES_DIR, root)
    path = root / "fr" / "requests.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["replies"]["too_late"] = "{{ customer }} {{ price | dollars }}"
    del data["replies"]["billable.other"]
    data["quotes"]["exit.missing"] = "nothing"
    del data["topics"]["advice"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = "\n".join(check_requests(load_library(root)))
    for expected in ("unknown variable 'customer'", "unknown filter 'dollars'", "replies.billable.other is missing",
                     "clause 'exit.missing' does not exist in fr", "topics must be", "differ from en"):
        assert expected in problems
    assert "fr/requests.yaml" in problems and "en/requests.yaml" not in problems
