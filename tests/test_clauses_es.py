"""The Spanish clause library: every sample builds in Spanish, Spanish law brings its own clauses,
and each interview answer puts the right Spanish text in the document.

Profiles are the real samples with `language: es` (and, where a test says so, one answer changed);
documents are read back from the DOCX (paragraphs and table cells) and from the HTML preview.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.html import render_html
from contracts.library import check_library, load_library
from contracts.profile import Profile, load_profile
from contracts.transition import parse_ending, plan_exit

from answers import BASE, assert_says, changed, english_sentences, read_docx, text

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_profiles").glob("*.yaml"))
SPAIN = {"country": "ES", "venue": "los Juzgados y Tribunales de Madrid"}

# What a contract governed by Spanish law must say, and what no other contract says.
SPANISH_LAW = ("Ley 3/2004", "40 euros", "artículo 14 del texto refundido de la Ley de Propiedad Intelectual",
               "irrenunciables e inalienables")
SPANISH_ONLY = ("Ley 3/2004", "Ley de Propiedad Intelectual", "LPI")


def spanish(path: Path, **changes) -> Profile:
    """A sample profile in Spanish, with some answers changed (`a__b=value`; None removes)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return changed({**data, "language": "es"}, **changes)


def profile(**changes) -> Profile:
    """The designer sample in Spanish with some answers changed."""
    return changed({**BASE, "language": "es"}, **changes)


# -- the library itself ------------------------------------------------------------------------


def test_spanish_library_passes_the_parity_check():
    problems = check_library(load_library())
    spanish_problems = [p for p in problems if p.startswith("es") or "/clauses/es/" in p]
    assert spanish_problems == []


def test_spanish_library_has_every_english_clause_section_and_label():
    library = load_library()
    en, es = library.language("en"), library.language("es")
    assert es.clauses.keys() == en.clauses.keys()
    assert es.strings.keys() == en.strings.keys()
    for document in ("contract", "transition"):
        assert [s.id for s in es.sections[document]] == [s.id for s in en.sections[document]]
    for cid, clause in es.clauses.items():
        assert (clause.when, clause.section, clause.document) == \
            (en.clauses[cid].when, en.clauses[cid].section, en.clauses[cid].document), cid
    # Titles, section names and labels are translated, not copied.
    assert not {c.title for c in es.clauses.values()} & {c.title for c in en.clauses.values()}
    assert not {s.title for d in es.sections.values() for s in d} & {s.title for d in en.sections.values() for s in d}
    copied = {k for k, v in es.strings.items() if v == en.strings[k] and len(str(v).split()) > 1}
    assert not copied


# -- every sample, in Spanish ------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
@pytest.mark.parametrize("document", ["contract", "transition"])
def test_every_sample_builds_in_spanish_without_unfilled_variables(path, document):
    answers = load_profile(path).model_copy(update={"language": "es"})
    contract = assemble(answers, document)
    assert contract.language == "es" and contract.sections
    body, html = read_docx(render_docx(contract)), str(render_html(contract))
    for rendered in (contract.text(), body, html):
        assert "{{" not in rendered and "{%" not in rendered and "}}" not in rendered
    assert 'lang="es"' in html
    expected = "Contrato de prestación de servicios profesionales" if document == "contract" else "Plan de Transición"
    assert expected in body and expected in html
    leftovers = [s for s in english_sentences() if s in body]
    assert not leftovers, f"English left in the Spanish document: {leftovers[:3]}"


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_spanish_selects_the_same_clauses_as_english(path):
    answers = load_profile(path)
    for document in ("contract", "transition"):
        assert assemble(answers.model_copy(update={"language": "es"}), document).clause_ids == \
            assemble(answers, document).clause_ids


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_spanish_law_clauses_appear_only_under_spanish_law(path):
    as_is = spanish(path)
    assert as_is.law.country != "ES"
    assert_says(text(as_is), absent=SPANISH_ONLY)
    under_spanish_law = spanish(path, law=SPAIN, currency="EUR")
    body = text(under_spanish_law)
    assert_says(body, SPANISH_LAW + ("El presente Contrato se rige por el Derecho español.",
                                     "los Juzgados y Tribunales de Madrid"),
                ("Derecho francés", "Código de Comercio francés", "renuncia a sus derechos morales",
                 "Inexistencia de obra por encargo"))
    if under_spanish_law.ip.model == "licence":
        assert_says(body, ("Alcance de la licencia", "artículo 43.2 LPI",
                           "cinco años y el país en el que se realice la cesión"))
    if under_spanish_law.ip.model != "licence" or under_spanish_law.ip.buyout_percent is not None:
        assert_says(body, ("Alcance de los derechos cedidos", "reproducción (artículo 18 LPI)",
                           "distribución (artículo 19 LPI)", "comunicación pública (artículo 20 LPI)",
                           "transformación (artículo 21 LPI)", "Modalidades de explotación",
                           "Ámbito territorial: todo el mundo", "Duración: todo el plazo de protección",
                           "cinco años y el país en el que se realice la cesión"))


# -- Spanish law, answer by answer -------------------------------------------------------------


@pytest.mark.parametrize("model, buyout, heading", [
    ("licence", 40, "Alcance de la licencia"),
    ("assign_on_payment", 40, "Alcance de los derechos cedidos"),
    ("assign_on_payment", None, "Alcance de los derechos cedidos"),
    ("full_assignment", None, "Alcance de los derechos cedidos"),
])
def test_spanish_law_states_the_extent_of_every_assignment_and_keeps_moral_rights(model, buyout, heading):
    body = text(profile(law=SPAIN, currency="EUR", ip__model=model, ip__buyout_percent=buyout))
    assert_says(body, (heading, "artículo 43", "irrenunciables e inalienables",
                       "El Profesional ejercita su derecho de divulgación"),
                ("renuncia a sus derechos morales", "Conforme a la ley aplicable al presente Contrato, los derechos"))


def test_spanish_licence_alone_is_not_described_as_an_assignment_of_works():
    body = text(profile(law=SPAIN, currency="EUR", ip__buyout_percent=None, ip__licence_exclusive=False))
    assert_says(body, ("Alcance de la licencia", "una cesión no exclusiva de derechos de explotación (artículo 50 LPI)"),
                ("Obras cedidas", "Alcance de los derechos cedidos"))
    exclusive = text(profile(law=SPAIN, currency="EUR", ip__licence_exclusive=True))
    assert_says(exclusive, ("una cesión en exclusiva de derechos de explotación (artículo 48 LPI)",))


def test_spanish_late_payment_carries_law_3_2004_interest_and_40_euros():
    agreed = text(profile(law=SPAIN, currency="EUR", payment__late_fee_percent=1.5, payment__late_fee_period="month"))
    assert_says(agreed, ("al tipo del 1,5 % mensual", "artículo 7 de la Ley 3/2004",
                         "cantidad fija de 40 euros", "60 días naturales"),
                ("más ocho puntos porcentuales", "El Profesional no pacta intereses de demora contractuales"))
    statutory = text(profile(law=SPAIN, currency="EUR", payment__late_fee_percent=0))
    assert_says(statutory, ("Banco Central Europeo", "más ocho puntos porcentuales", "cantidad fija de 40 euros"),
                ("El Profesional no pacta intereses de demora contractuales",))


def test_french_law_in_spanish_names_the_french_rules():
    body = text(profile(law={"country": "FR", "venue": "los tribunales de Lyon"}, currency="EUR",
                        ip__model="assign_on_payment"))
    assert_says(body, ("artículo L131-3 del Código de la Propiedad Intelectual francés", "el derecho de representación",
                       "artículo L441-10 del Código de Comercio francés", "40 euros",
                       "perpetuos, inalienables e imprescriptibles", "El presente Contrato se rige por el Derecho francés."),
                SPANISH_ONLY)


@pytest.mark.parametrize("country, phrase", [
    ("US", "no son obras realizadas por encargo («works made for hire»)"),
    ("GB", "El Profesional no es empleado del Cliente"),
])
def test_common_law_in_spanish_waives_moral_rights_and_presumes_no_work_for_hire(country, phrase):
    law = {"country": country, "venue": "the courts"} if country == "GB" else BASE["law"]
    body = text(profile(law=law))
    assert_says(body, (phrase, "el Profesional renuncia a sus derechos morales", "documento escrito firmado por el Profesional"),
                SPANISH_ONLY + ("irrenunciables e inalienables",))


# -- the other answers, in Spanish -------------------------------------------------------------


def test_vendor_and_consultant():
    vendor = text(profile(relationship__type="vendor"))
    consultant = text(profile(relationship__type="consultant"))
    assert_says(vendor, ("Dirección del Cliente y aprobaciones", "El Cliente dirige el Proyecto"),
                ("Salida anticipada tras el primer hito", "«encargo»"))
    assert_says(consultant, ("Autonomía profesional y colaboración del Cliente", "«encargo»",
                             "Salida anticipada tras el primer hito", "«Logo and brand mark»",
                             "cuya fecha de entrega es el 15 de enero de 2027"),
                ("El Cliente dirige el Proyecto",))
    plan = text(profile(relationship__type="consultant"), "transition")
    assert_says(plan, ("la salida anticipada tras el primer hito («Logo and brand mark»)",))


def test_response_days_are_singular_or_plural():
    assert_says(text(profile(relationship__response_days=1)), ("en el plazo de 1 Día Hábil desde su recepción",))
    assert_says(text(profile(relationship__response_days=3)), ("en el plazo de 3 Días Hábiles desde su recepción",))


def test_ip_models():
    licence = text(profile(ip__model="licence"))
    assignment = text(profile(ip__model="assign_on_payment"))
    full = text(profile(ip__model="full_assignment", ip__buyout_percent=None))
    assert_says(licence, ("Propiedad intelectual y licencia", "concede al Cliente una licencia",
                          "use of the final deliverables to identify and promote", "La licencia es exclusiva",
                          "de modo que la licencia del Cliente se convierte en titularidad"),
                ("Titularidad de los Entregables definitivos", "Cesión de todos los derechos"))
    assert_says(assignment, ("Titularidad de los Entregables definitivos", "cede en exclusiva al Cliente",
                             "Salvo que el Cliente los adquiera conforme a la cláusula «Compra de los Archivos Fuente»",
                             "reproducción, distribución, transformación y comunicación pública"),
                ("concede al Cliente una licencia para utilizar", "Cesión de todos los derechos"))
    assert_says(full, ("Cesión de todos los derechos", "Los Materiales Preexistentes no se ceden"),
                ("Compra de los Archivos Fuente", "Titularidad de los Entregables definitivos"))
    assert_says(text(profile(ip__model="full_assignment", ip__buyout_percent=None), "transition"),
                ("Archivos Fuente: incluidos en los Honorarios",))


def test_source_files_buyout_or_not_for_sale():
    bought = text(profile(ip__buyout_percent=40))
    assert_says(bought, ("Compra de los Archivos Fuente", "por el 40 % de los Honorarios pagados en virtud del presente Contrato",
                         "una vez pagados todos los Honorarios, dicho precio asciende a 4.000,00"),
                ("Los Archivos Fuente no están a la venta",))
    kept = text(profile(ip__buyout_percent=None))
    assert_says(kept, ("Los Archivos Fuente no están a la venta",), ("Compra de los Archivos Fuente",))
    assert_says(text(profile(ip__buyout_percent=None), "transition"), ("No están a la venta",))


def test_non_exclusive_licence_and_no_portfolio():
    body = text(profile(ip__licence_exclusive=False, ip__portfolio=False))
    assert_says(body, ("La licencia no es exclusiva", "Exclusión del uso en el portafolio"),
                ("La licencia es exclusiva", "podrá mostrar los Entregables definitivos"))


def test_reseller_stance():
    accounts = [{"service": "printer", "provider": "Pacific Print Co.", "holder": "freelancer"},
                {"service": "registrar", "provider": "Gandi", "holder": "freelancer"},
                {"service": "hosting", "provider": "Netlify", "holder": "client"}]
    reseller = profile(reseller={"stance": "reseller", "markup_percent": 15, "accounts": accounts})
    client_accounts = profile(reseller={"stance": "client_accounts", "accounts": accounts, "vault": "Bitwarden"})
    body = text(reseller)
    assert_says(body, ("Productos de terceros suministrados por el Profesional", "los revende al Cliente",
                       "un margen del 15 %", "Elegido por el Profesional (confidencial)",
                       "conocimientos técnicos confidenciales del Profesional",
                       "Cuando el Cliente figure como titular de una cuenta"),
                ("Cuentas a nombre del Cliente", "Pacific Print Co."))
    assert_says(text(reseller, "transition"), ("Identidad de los proveedores y especificaciones de producción",
                                               "Sigue a nombre del Profesional",
                                               "los nombres de dominio registrados para el Cliente se le transfieren"))
    body = text(client_accounts)
    assert_says(body, ("Cuentas a nombre del Cliente", "usuario propio", "Pacific Print Co.", "Bitwarden",
                       "Cuando el Profesional figure como titular de una cuenta"),
                ("Productos de terceros suministrados por el Profesional", "Elegido por el Profesional"))
    assert_says(text(client_accounts, "transition"), ("Administración de las cuentas del Cliente",
                                                      "Se transfiere al Cliente en el lote de entrega"))
    at_cost = text(profile(reseller={"stance": "reseller"}))
    assert_says(at_cost, ("a su coste, sin margen alguno",), ("un margen del",))
    assert_says(text(profile(reseller={"stance": "reseller"}), "transition"),
                ("El Contrato no recoge ninguna cuenta de terceros. Los productos y servicios que revende",))


def test_maintenance_plan_or_hourly_support():
    maintenance = text(profile(communication__plan="maintenance", communication__maintenance_fee=450,
                               communication__maintenance_hours=6))
    assert_says(maintenance, ("Plan de mantenimiento", "450,00", "al mes, que se factura mensualmente por adelantado",
                              "hasta 6 horas al mes", "Quedan cubiertos por el plan de mantenimiento",
                              "La cuota de mantenimiento se factura mensualmente por adelantado"),
                ("No se pacta iguala ni plan mensual alguno",))
    assert_says(text(profile(communication__plan="maintenance", communication__maintenance_fee=450,
                             communication__maintenance_hours=6), "transition"),
                ("incluido el plan de mantenimiento",))
    availability = text(profile(communication__plan="maintenance", communication__maintenance_fee=200,
                                communication__maintenance_hours=0))
    assert_says(availability, ("no incluye horas de trabajo",), ("hasta 0 horas",))
    unlimited = text(profile(communication__plan="maintenance", communication__maintenance_fee=200))
    assert_says(unlimited, ("sin un número fijo de horas",))
    hourly = text(profile(communication__plan="hourly"))
    assert_says(hourly, ("Asistencia facturada por horas", "No se pacta iguala ni plan mensual alguno"),
                ("Plan de mantenimiento",))


def test_billable_communication_lists_what_is_billed_and_what_is_included():
    some = text(profile(communication__billable=["calls"]))
    assert_says(some, ("las llamadas telefónicas y videollamadas", "Quedan incluidos en los Honorarios, sin facturación aparte",
                       "los correos electrónicos y mensajes relativos al Proyecto"))
    none = text(profile(communication__billable=[]))
    assert_says(none, ("están incluidos en los Honorarios y no se facturan aparte",),
                ("Comunicaciones y asistencia facturables",))


def test_time_billing_free_allowance():
    assert_says(text(profile(communication__free_minutes=15)), ("15 minutos o menos no se facturan (franquicia gratuita)",))
    assert_says(text(profile(communication__free_minutes=0)), ("No existe franquicia gratuita",))


def test_late_fee_period_is_spanish_not_a_code():
    monthly = text(profile(payment__late_fee_percent=1.5, payment__late_fee_period="month"))
    yearly = text(profile(payment__late_fee_percent=8, payment__late_fee_period="year"))
    assert_says(monthly, ("un interés de demora del 1,5 % mensual",), (" month", " year"))
    assert_says(yearly, ("un interés de demora del 8 % anual",), (" month", " year"))
    assert_says(text(profile(payment__late_fee_percent=0)), ("El Profesional no pacta intereses de demora contractuales",))


def test_estimates_approval_and_contacts():
    approver = {"name": "Martin Crowe", "title": "Finance Director", "email": "martin@northwindcoffee.com"}
    body = text(profile(contacts__estimates_need_approval=True, contacts__approver=approver))
    assert_says(body, ("Aprobación escrita de presupuestos", "una vez que Martin Crowe, Finance Director, haya aprobado",
                       "El Profesional enviará sus presupuestos a martin@northwindcoffee.com",
                       "exceda en más de un 10 % el presupuesto aprobado"),
                ("Aprobaciones y presupuestos",))
    alone = text(profile(contacts__authorised=[]))
    assert_says(alone, ("Las solicitudes de cualquier persona distinta del interlocutor principal, incluidos",),
                ("Personas autorizadas", "o de una persona autorizada,"))


def test_termination_notice_and_exit_options():
    assert_says(text(profile(termination__notice_days=0)), ("El Contrato se extinguirá en el momento en que se reciba la notificación",))
    assert_says(text(profile(termination__notice_days=1)), ("con 1 día de antelación",))
    assert_says(text(profile(termination__service_end_months=3)), ("el plazo de tres meses",))
    advice = text(profile(termination__production_advice=True))
    no_advice = text(profile(termination__production_advice=False))
    assert_says(advice, ("Asesoramiento de producción",), ("Exclusión del asesoramiento de producción",))
    assert_says(no_advice, ("Exclusión del asesoramiento de producción",), ("Si el Cliente lo solicita, el Profesional asesorará",))


def test_deposit_and_invoice_terms():
    assert_says(text(profile(payment__deposit_percent=30)), ("un anticipo del 30 % de los Honorarios, es decir, 3.000,00",))
    no_deposit = text(profile(payment__deposit_percent=0))
    assert_says(no_deposit, ("Las cantidades ya abonadas se compensarán con dichos importes.",), ("Anticipo",))
    assert_says(text(profile(payment__invoice_days=0)), ("Las facturas se pagarán a su recepción",))
    assert_says(text(profile(payment__invoice_days=1)), ("en el plazo de 1 día desde su fecha de emisión",))


# -- the dated transition plan -----------------------------------------------------------------


def dated_plan(answers: Profile, **ending) -> str:
    """The transition plan of an engagement ended on 1 March 2027 with 1,000 of the Fees paid."""
    ending = {"ended_by": "client", "notice_date": "2027-03-01", "fees_paid": 1000, **ending}
    plan = plan_exit(answers, parse_ending(ending, answers))
    return read_docx(render_docx(assemble(answers, "transition", extra={"exit": plan})))


def test_dated_plan_in_spanish_shows_the_dates_and_the_buyout_on_the_fees_paid():
    plan = dated_plan(profile(currency="EUR"), note="El último lote ya se ha enviado.")
    assert_says(plan, ("Plan con fechas: terminación notificada el 1 de marzo de 2027",
                       "El Cliente notificó la terminación del Contrato el 1 de marzo de 2027 (la «fecha de notificación»)",
                       "sobre los Honorarios pagados hasta la fecha de notificación (1.000,00 €)",
                       "Nota del Profesional: El último lote ya se ha enviado.",
                       "Envío del lote de entrega, a más tardar\n11 de marzo de 2027",
                       "Fin del plazo de preaviso\n31 de marzo de 2027",
                       "Fecha de fin del servicio\n1 de mayo de 2027",
                       "Toda solicitud recibida después del 1 de mayo de 2027",
                       "En un único lote, a más tardar el 11 de marzo de 2027",
                       "si se adquieren a más tardar el 1 de mayo de 2027",
                       "400,00 € (el 40 % de los 1.000,00 € de Honorarios pagados)",
                       "disponibles por el precio de compra de 400,00 € (el 40 % de los 1.000,00 € de Honorarios pagados), "
                       "hasta el 1 de mayo de 2027",
                       "a la Tarifa Horaria de 95,00 € por hora, hasta el 1 de mayo de 2027",
                       "La fecha de fin del servicio es el 1 de mayo de 2027, esto es, el día en que vence el plazo de dos meses"),
                ("4.000,00", "se pone en marcha el día", "en el plazo de 10 días desde la fecha de notificación"))


def test_dated_plan_in_spanish_names_who_ended_it_and_drops_the_buyout_when_not_for_sale():
    plan = dated_plan(profile(currency="EUR", ip__buyout_percent=None), ended_by="freelancer", notice_date="2027-01-31")
    assert_says(plan, ("El Profesional notificó la terminación del Contrato el 31 de enero de 2027",
                       "a partir de esa fecha.", "Fecha de fin del servicio\n31 de marzo de 2027",
                       "Archivos Fuente: no están a la venta ni disponibles."),
                ("precio de compra", "Nota del Profesional"))


def test_annex_in_spanish_keeps_its_relative_dates_and_prices_the_buyout_on_the_fees_paid():
    annex = text(profile(currency="EUR"), "transition")
    assert_says(annex, ("El Plan se pone en marcha el día en que cualquiera de las partes notifica",
                        "Lote de entrega: en el plazo de 10 días desde la fecha de notificación.",
                        "La fecha de fin del servicio es el día en que vence el plazo de dos meses",
                        "En un único lote, en el plazo de 10 días desde la fecha de notificación",
                        "si se adquieren a más tardar en la fecha de fin del servicio",
                        "El 40 % de los Honorarios pagados (4.000,00 € si se pagan todos los Honorarios)",
                        "disponibles por un precio de compra del 40 % de los Honorarios pagados "
                        "(4.000,00 € si se pagan todos los Honorarios), hasta la fecha de fin del servicio"),
                ("del total de los Honorarios", "notificó", "Plan con fechas", "1.000,00"))
    assert_says(text(profile(currency="EUR")), ("el 40 % de los Honorarios pagados, es decir, 4.000,00 € una vez pagados "
                                                 "todos los Honorarios",))
