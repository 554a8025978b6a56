"""A complete interview as a freelancer types it, and the mistakes each step must catch."""

from __future__ import annotations

PASSWORD = "correct horse battery"

STEP_IDS = ["parties", "relationship", "deliverables", "ip", "communication", "contacts", "reseller",
            "payment", "termination"]

ANSWERS: dict[str, dict] = {
    "parties": {
        "language": "en", "currency": "EUR", "effective_date": "2027-03-01",
        "project": "Website redesign for Harbour Bakery",
        "law-country": "GB", "law-region": "England", "law-venue": "the courts of England and Wales",
        "freelancer-name": "Ada Pixel Studio Ltd", "freelancer-address": "12 Canal Street\nManchester M1 3HW",
        "freelancer-email": "ada@pixel.studio", "freelancer-signer_name": "Ada Pixel",
        "freelancer-signer_title": "Director", "freelancer-business_id": "GB123456",
        "client-name": "Harbour Bakery Ltd", "client-address": "3 Quay Road\nBristol BS1 4DJ",
        "client-email": "hello@harbourbakery.co.uk", "client-signer_name": "Tom Baker",
        "client-signer_title": "Owner", "client-business_id": "",
    },
    "relationship": {"relationship-type": "consultant", "relationship-response_days": "4"},
    "deliverables": {
        "deliverables-0-title": "Homepage design", "deliverables-0-description": "Desktop and mobile layouts.",
        "deliverables-0-format": "Figma, PDF", "deliverables-0-due": "2027-04-01",
        "deliverables-0-revisions": "2", "deliverables-0-price": "2400",
        "deliverables-1-title": "Menu pages", "deliverables-1-description": "",
        "deliverables-1-format": "", "deliverables-1-due": "", "deliverables-1-revisions": "1",
        "deliverables-1-price": "1100.50",
        "exclusions": "Photography\nCopywriting",
    },
    "ip": {
        "ip-model": "assign_on_payment", "ip-licence_scope": "", "ip-buyout_percent": "40",
        "ip-portfolio": "y", "ip-brand_assets": "", "ip-pre_existing": "Crumb icon set",
    },
    "communication": {
        "communication-hourly_rate": "85", "communication-increment_minutes": "15",
        "communication-free_minutes": "10", "communication-billable": ["calls", "troubleshooting"],
        "communication-plan": "maintenance", "communication-maintenance_fee": "300",
        "communication-maintenance_hours": "4",
    },
    "contacts": {
        "contacts-primary-name": "Tom Baker", "contacts-primary-title": "Owner",
        "contacts-primary-email": "tom@harbourbakery.co.uk",
        "contacts-authorised-0-name": "Sue Crust", "contacts-authorised-0-title": "Manager",
        "contacts-authorised-0-email": "",
        "contacts-estimates_need_approval": "y",
        "contacts-approver-name": "Tom Baker", "contacts-approver-title": "", "contacts-approver-email": "",
    },
    "reseller": {
        "reseller-stance": "reseller", "reseller-markup_percent": "15",
        "reseller-accounts-0-service": "hosting", "reseller-accounts-0-provider": "Netcraft Hosting",
        "reseller-accounts-0-holder": "freelancer", "reseller-vault": "Bitwarden vault Harbour",
    },
    "payment": {
        "payment-deposit_percent": "30", "payment-invoice_days": "14",
        "payment-late_fee_percent": "2", "payment-late_fee_period": "month",
    },
    "termination": {
        "termination-notice_days": "30", "termination-service_end_months": "2",
        "termination-handover_days": "10", "termination-production_advice": "y",
    },
}

# (step, field, what the freelancer typed, words of the error shown next to that field)
MISTAKES = [
    ("parties", "freelancer-email", "ada at pixel", "email address"),
    ("parties", "effective_date", "next tuesday", "date"),
    ("relationship", "relationship-response_days", "45", "between 1 and 30"),
    ("deliverables", "deliverables-1-price", "a lot", "number"),
    ("deliverables", "deliverables-0-title", "", "required"),
    ("ip", "ip-buyout_percent", "10", "between 20 and 100"),
    ("communication", "communication-hourly_rate", "", "required"),
    ("contacts", "contacts-primary-email", "tom@", "email address"),
    ("reseller", "reseller-markup_percent", "150", "between 0 and 100"),
    ("payment", "payment-late_fee_percent", "80", "between 0 and 50"),
    ("termination", "termination-handover_days", "0", "between 1 and 60"),
]

# Clause titles the answers above must bring into the contract, and some they must keep out.
CHOSEN_CLAUSES = ["Ownership of the final Deliverables", "Buying the Source Files", "Maintenance plan",
                  "Third-party products supplied by the Freelancer"]
EXCLUDED_CLAUSES = ["Copyright and licence", "Support billed by the hour", "Accounts held by the Client"]


def step_url(contract_id: int, step: str) -> str:
    """The address of one step of a contract."""
    return f"/contracts/{contract_id}/steps/{step}"


def start_contract(client) -> int:
    """Start a blank contract and return its id."""
    response = client.post("/contracts/new", data={"start": "blank"})
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def answer_all(client, contract_id: int) -> None:
    """Answer every step with ANSWERS, checking each one is accepted."""
    for step in STEP_IDS:
        response = client.post(step_url(contract_id, step), data=ANSWERS[step])
        assert response.status_code in (302, 303), (step, response.text[:2000])
