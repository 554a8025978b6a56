"""The French clause library: the transition plan, as the annex signed with the contract and as the
dated plan made when an engagement ends, and the buyout priced on the Fees paid.

Profiles are the designer sample with `language: fr`, in euros (and, where a test says so, one answer
changed). Documents are read back from the DOCX (paragraphs, then table cells, one per line), where
no-break spaces read as plain spaces; the typography itself is checked on the assembled text.
"""

from __future__ import annotations

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.library import check_library, load_library
from contracts.profile import Profile
from contracts.transition import parse_ending, plan_exit

from answers import BASE, assert_says, changed, read_docx, text


def profile(**changes) -> Profile:
    """The designer sample in French and in euros, with some answers changed."""
    return changed({**BASE, "language": "fr", "currency": "EUR"}, **changes)


def exit_plan(answers: Profile, **ending):
    """The transition plan of an engagement ended on 1 March 2027 with 1 000 € of the Fees paid."""
    ending = {"ended_by": "client", "notice_date": "2027-03-01", "fees_paid": 1000, **ending}
    return assemble(answers, "transition", extra={"exit": plan_exit(answers, parse_ending(ending, answers))})


def dated_plan(answers: Profile, **ending) -> str:
    """What a reader sees in the DOCX of that dated plan."""
    return read_docx(render_docx(exit_plan(answers, **ending)))


def test_french_library_passes_the_parity_check():
    problems = check_library(load_library())
    assert [p for p in problems if p.startswith("fr") or "/clauses/fr/" in p] == []


def test_dated_plan_in_french_shows_the_dates_and_the_buyout_on_the_fees_paid():
    plan = dated_plan(profile(), note="Le dernier lot a déjà été envoyé.")
    assert_says(plan, ("Plan daté : fin du Contrat notifiée le 1er mars 2027",
                       "Le Client a notifié la fin du Contrat le 1er mars 2027 (la « date de notification »)",
                       "et le prix de rachat sur la base du Prix payé à la date de notification (1 000,00 €)",
                       "Note du Prestataire : Le dernier lot a déjà été envoyé.",
                       "Envoi de remise, au plus tard\n11 mars 2027",
                       "Expiration du préavis\n31 mars 2027",
                       "Date de fin de service\n1er mai 2027",
                       "Toute demande reçue après le 1er mai 2027",
                       "En un envoi unique, au plus tard le 11 mars 2027",
                       "s'ils sont achetés au plus tard le 1er mai 2027",
                       "400,00 € (40 % des 1 000,00 € payés au titre du Prix)",
                       "disponibles au prix de rachat de 400,00 € (40 % des 1 000,00 € payés au titre du Prix), "
                       "jusqu'au 1er mai 2027",
                       "au Taux Horaire de 95,00 € de l'heure, jusqu'au 1er mai 2027",
                       "Sur demande, jusqu'au 1er mai 2027",
                       "Au plus tard le 1er mai 2027",
                       "La date de fin de service est fixée au 1er mai 2027 : elle intervient deux mois après"),
                ("4 000,00 €", "Le plan s'applique à compter du jour", "dans les 10 jours suivant la date de notification"))


def test_dated_plan_in_french_keeps_french_typography():
    plan = exit_plan(profile()).text()
    assert "400,00\u00a0€ (40\u00a0% des 1\u202f000,00\u00a0€ payés au titre du Prix)" in plan
    assert "(la «\u00a0date de notification\u00a0»)" in plan
    assert "est fixée au 1er mai 2027\u00a0: elle intervient" in plan


def test_dated_plan_in_french_names_who_ended_it_and_drops_the_buyout_when_not_for_sale():
    plan = dated_plan(profile(ip__buyout_percent=None), ended_by="freelancer", notice_date="2027-01-31")
    assert_says(plan, ("Le Prestataire a notifié la fin du Contrat le 31 janvier 2027",
                       "à partir de cette date.", "Date de fin de service\n31 mars 2027",
                       "Fichiers Sources : ni à vendre ni disponibles."),
                ("prix de rachat", "Note du Prestataire"))


def test_annex_in_french_keeps_its_relative_dates_and_prices_the_buyout_on_the_fees_paid():
    annex = text(profile(), "transition")
    assert_says(annex, ("Le plan s'applique à compter du jour où l'une des parties notifie la fin du Contrat",
                        "Envoi de remise : dans les 10 jours suivant la date de notification.",
                        "La date de fin de service intervient deux mois après la date de notification",
                        "En un envoi unique, dans les 10 jours suivant la date de notification",
                        "s'ils sont achetés au plus tard à la date de fin de service",
                        "40 % du Prix payé (4 000,00 € si le Prix est intégralement payé)",
                        "disponibles au prix de rachat de 40 % du Prix payé (4 000,00 € si le Prix est intégralement "
                        "payé), jusqu'à la date de fin de service"),
                ("Prix total", "a notifié la fin", "Plan daté", "1 000,00 €"))


def test_contract_prices_the_buyout_on_the_fees_paid_in_french():
    assert_says(text(profile()), ("Rachat des Fichiers Sources",
                                  "moyennant 40 % du Prix payé au titre du Contrat (le « prix de rachat »), taxes en sus, "
                                  "soit 4 000,00 € une fois le Prix intégralement payé",
                                  "au prix de rachat (40 % du Prix payé, soit 4 000,00 € une fois le Prix intégralement "
                                  "payé)"),
                ("Prix total",))
    assert_says(text(profile(ip__buyout_percent=None)), ("Les Fichiers Sources ne sont pas à vendre",),
                ("Rachat des Fichiers Sources",))
