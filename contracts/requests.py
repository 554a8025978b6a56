"""Requests after exit: which clause of the signed contract covers a former client's request.

The freelancer records a request (free text, date received); `answer` finds the topic, the clause
of that contract that governs it, the outcome and the price, and drafts a short reply in the
contract's language that quotes the clause. Keyword phrases and reply templates are data, in
`clauses/<lang>/requests.yaml`; the reply templates render through the clause library's sandbox.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import TemplateError, nodes

from . import markup
from .assemble import Contract, RenderedClause
from .library import CLAUSES_DIR, ENV, Library, LibraryError
from .transition import ExitPlan

TOPICS = ("source_files", "deliverables", "credentials", "supplier", "production_specs", "advice", "other")
OUTCOMES = ("included", "billable", "purchase", "declined", "too_late")

# Each rule is "<outcome>.<what>", the key of its reply template, and the clauses that may govern
# it, best first: the answer quotes the first one the contract actually contains.
RULES = {
    "too_late": ("exit.service-end",),
    "included.logo": ("ip.logo", "exit.handover"),
    "included.source_files": ("exit.source-files", "ip.full-assignment"),
    "purchase.source_files": ("ip.buyout", "exit.source-files"),
    "declined.source_files": ("ip.source-files-not-for-sale", "exit.source-files"),
    "included.deliverables": ("exit.handover",),
    "included.credentials": ("exit.handover", "accounts.credentials"),
    "included.supplier": ("accounts.client-accounts",),
    "declined.supplier": ("accounts.reseller",),
    "declined.production_specs": ("accounts.reseller",),
    "billable.advice": ("exit.production-advice",),
    "declined.advice": ("exit.no-production-advice",),
    "billable.other": ("changes.change-requests",),
}
FRAME = ("greeting", "thanks", "citation", "closing")
VARIABLES = frozenset({
    "language", "currency", "client", "contact", "freelancer", "signer", "request", "received",
    "number", "title", "quote", "price", "hourly_rate", "handover_date", "service_end_date",
    "providers", "vault",
})
SECTIONS = ("topics", "logo", "vector", "services", "quotes", "replies")
SERVICES = ("hosting", "registrar", "printer", "email", "software", "other")


@dataclass(frozen=True)
class Answer:
    """How the signed contract answers one request, with a reply draft."""

    topic: str
    outcome: str
    clause_id: str
    clause_number: str
    clause_title: str
    quote: str
    price: Decimal | None  # what the client would pay: the hourly rate or the buyout price
    reply: str


def _fold(text: str) -> str:
    """Lower case without accents, with plain apostrophes and hyphens as spaces, for matching."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("-", " ")
    return " ".join(text.split())


@lru_cache(maxsize=64)
def _pattern(phrase: str) -> re.Pattern:
    words = [re.escape(word) for word in _fold(phrase).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def _mentions(phrases: list[str], text: str) -> bool:
    """Whether text contains one of the phrases as whole words, ignoring case and accents."""
    folded = _fold(text)
    return any(_pattern(phrase).search(folded) for phrase in phrases)


@lru_cache(maxsize=8)
def load_requests(language: str, root: Path = CLAUSES_DIR) -> dict[str, Any]:
    """The phrases and reply templates of one language (clauses/<lang>/requests.yaml)."""
    path = root / language / "requests.yaml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LibraryError(f"{path}: cannot read: {exc}") from None


def classify(text: str, language: str) -> str:
    """The topic of a request; when several match, the first in TOPICS wins; "other" if none."""
    phrases = load_requests(language)["topics"]
    return next((topic for topic in TOPICS[:-1] if _mentions(phrases[topic], text)), "other")


def _rule(contract: Contract, plan: ExitPlan, topic: str, text: str, received: date) -> str:
    profile, words = contract.profile, load_requests(contract.language)
    if plan.too_late(received):
        return "too_late"
    if topic == "source_files":
        if profile.ip.logo and _mentions(words["logo"], text) and _mentions(words["vector"], text):
            return "included.logo"  # the final logo always comes in vector formats
        if profile.ip.model == "full_assignment":
            return "included.source_files"
        return "purchase.source_files" if plan.buyout_price is not None else "declined.source_files"
    if topic in ("supplier", "production_specs") and profile.reseller.stance == "reseller":
        return f"declined.{topic}"
    if topic == "supplier":
        return "included.supplier"
    if topic in ("production_specs", "advice"):
        return "billable.advice" if profile.termination.production_advice else "declined.advice"
    if topic in ("deliverables", "credentials"):
        return f"included.{topic}"
    return "billable.other"


def _quote(clause: RenderedClause, marker: str | None, language: str) -> str:
    """The paragraph that matters (the one holding the marker, else the first), with its list."""
    blocks = clause.blocks
    found = [i for i, b in enumerate(blocks) if marker and _fold(marker) in _fold(markup.block_text(b))]
    first = [i for i, b in enumerate(blocks) if isinstance(b, markup.Paragraph)]
    index = (found or first or [0])[0]
    text = markup.block_text(blocks[index])
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if text.endswith(":") and isinstance(following, markup.BulletList):
        separator = " ; " if language == "fr" else "; "  # French sets a space before a semicolon
        text += " " + separator.join(markup.plain(item) for item in following.items) + "."
    return text


def _render(source: str, context: dict[str, Any]) -> str:
    """A reply template as plain text: values escaped by the sandbox, then read back as text."""
    blocks = markup.parse(ENV.from_string(source).render(context))
    return "\n".join(markup.block_text(block) for block in blocks)


def answer(contract: Contract, plan: ExitPlan, text: str, received: date, topic: str | None = None) -> Answer:
    """Which clause of this signed contract governs the request, the outcome, and a reply draft.

    `topic` overrides the classifier, when the freelancer corrects it.
    """
    topic = topic or classify(text, contract.language)
    if topic not in TOPICS:
        raise ValueError(f"topic must be one of {TOPICS}, got {topic!r}")
    key = _rule(contract, plan, topic, text, received)
    clauses = {c.id: c for section in contract.sections for c in section.clauses}
    clause = next((clauses[cid] for cid in RULES[key] if cid in clauses), None)
    if clause is None:
        raise LibraryError(f"the contract has none of the clauses {RULES[key]} that govern {key!r}")
    outcome, profile, data = key.split(".")[0], contract.profile, load_requests(contract.language)
    rate = plan.hourly_rate or profile.communication.hourly_rate
    price = plan.buyout_price if outcome == "purchase" else rate if key == "billable.advice" else None
    quote = _quote(clause, data["quotes"].get(clause.id), contract.language)
    wanted = [s for s, phrases in data["services"].items() if _mentions(phrases, text)]
    providers = [a.provider for a in profile.reseller.accounts
                 if a.holder == "client" and (not wanted or a.service in wanted)]
    context = {
        "language": contract.language, "currency": profile.currency, "client": profile.client.name,
        "contact": profile.contacts.primary.name, "freelancer": profile.freelancer.name,
        "signer": profile.freelancer.signer_name, "received": received,
        "request": textwrap.shorten(text, 120, placeholder=" …"),
        "number": clause.number, "title": clause.title, "quote": quote, "price": price,
        "hourly_rate": rate, "handover_date": plan.handover_date, "service_end_date": plan.service_end_date,
        "providers": providers, "vault": profile.reseller.vault,
    }
    replies = data["replies"]
    parts = [replies["greeting"], "\n".join((replies["thanks"], replies[key], replies["citation"])),
             replies["closing"]]
    reply = "\n\n".join(_render(part, context) for part in parts)
    return Answer(topic, outcome, clause.id, clause.number, clause.title, quote, price, reply)


# -- the check `clausewright clauses check` runs ----------------------------------------------


def _template_problems(where: str, source: Any) -> list[str]:
    if not isinstance(source, str) or not source.strip():
        return [f"{where}: must be a non-empty template"]
    try:
        tree = ENV.parse(source)
    except TemplateError as exc:
        return [f"{where}: does not compile: {exc}"]
    problems = [f"{where}: unknown filter {f.name!r}" for f in tree.find_all(nodes.Filter) if f.name not in ENV.filters]
    names = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "load"}
    return problems + [f"{where}: unknown variable {name!r}" for name in sorted(names - VARIABLES)]


def _check_language(library: Library, code: str, path: Path) -> tuple[list[str], dict | None]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return [f"{path}: cannot read: {exc}"], None
    if not isinstance(data, dict) or set(data) != set(SECTIONS) or not all(
            isinstance(data[k], dict) for k in ("topics", "services", "quotes", "replies")):
        return [f"{path}: must have exactly the keys {list(SECTIONS)}; topics, services, quotes, replies as mappings"], None
    problems, lang = [], library.languages[code]
    if set(data["topics"]) != set(TOPICS[:-1]) or not set(data["services"]) <= set(SERVICES):
        problems.append(f"{path}: topics must be {list(TOPICS[:-1])} and services among {list(SERVICES)}")
    lists = {f"topics.{t}": v for t, v in data["topics"].items()} | {"logo": data["logo"], "vector": data["vector"]}
    lists |= {f"services.{s}": v for s, v in data["services"].items()}
    for name, phrases in lists.items():
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and _fold(p) for p in phrases):
            problems.append(f"{path}: {name} must be a list of phrases")
    for key in sorted((set(FRAME) | set(RULES)) - set(data["replies"])):
        problems.append(f"{path}: replies.{key} is missing")
    for key, source in data["replies"].items():
        problems += _template_problems(f"{path}: replies.{key}", source)
    for cid in sorted({c for ids in RULES.values() for c in ids} | set(data["quotes"])):
        if cid not in lang.clauses:
            problems.append(f"{path}: clause {cid!r} does not exist in {code}")
        elif cid in data["quotes"] and _fold(str(data["quotes"][cid])) not in _fold(lang.clauses[cid].body):
            problems.append(f"{path}: quotes.{cid}: {data['quotes'][cid]!r} is not in {lang.clauses[cid].path}")
    return problems, data


def check_requests(library: Library) -> list[str]:
    """Problems in each language's requests.yaml: the same topics and replies as en, templates that
    compile and use known variables, clause ids that exist. A library without an English
    requests.yaml (a test library) has none to check."""
    folders = {code: next(iter(lang.clauses.values())).path.parents[1]
               for code, lang in library.languages.items() if lang.clauses}
    if "en" not in folders or not (folders["en"] / "requests.yaml").exists():
        return []
    problems, keys = [], {}
    for code, folder in folders.items():
        found, data = _check_language(library, code, folder / "requests.yaml")
        problems += found
        if data:
            keys[code] = (set(data["topics"]), set(data["replies"]), set(data["services"]))
    for code, folder in folders.items():
        if code in keys and "en" in keys and keys[code] != keys["en"]:
            problems.append(f"{folder / 'requests.yaml'}: topics, replies or services differ from en")
    return problems
