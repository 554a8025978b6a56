"""Load the clause library (data in clauses/) and check that it fits the Profile."""

from __future__ import annotations

import os
import re
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent
from jinja2 import StrictUndefined, TemplateError, nodes, pass_context
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel

from . import markup
from .profile import LANGUAGES, Profile
from .transition import ExitPlan

CLAUSES_DIR = Path(os.environ.get("CLAUSEWRIGHT_CLAUSES", Path(__file__).resolve().parents[1] / "clauses"))
DOCUMENTS = ("contract", "transition")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.DOTALL)


class LibraryError(ValueError):
    """The clause library itself is broken (a bad file, an unknown variable...)."""


def _flatten(value: str) -> str:
    """Fold a multi-line user value into one line: the markup is line-based."""
    if "\n" not in value:
        return value  # keep the spaces a clause author put at the edge of a literal
    lines = [line.strip() for line in value.split("\n") if line.strip()]
    return " ".join(line if line[-1] in ".,;:!?" or i == len(lines) - 1 else line + ","
                    for i, line in enumerate(lines))


def long_date(value: date, language: str) -> str:
    """A date as a contract writes it: "March 1, 2027", "1er mars 2027", "1 de marzo de 2027"."""
    text = format_date(value, format="long", locale=language)
    return f"1er{text[1:]}" if language == "fr" and value.day == 1 else text


def _to_text(value: Any, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, date):
        return long_date(value, language)
    if isinstance(value, (Decimal, int, float)):
        return format_decimal(value, locale=language)
    if isinstance(value, (list, tuple)):
        return format_list([_to_text(item, language) for item in value], locale=language) if value else ""
    return _flatten(str(value))


@pass_context
def _finalize(ctx, value: Any) -> str:
    """Every `{{ value }}` becomes escaped, locale-formatted text; never template source."""
    return markup.escape(_to_text(value, ctx.get("language", "en")))


@pass_context
def _money(ctx, value: Decimal | None) -> str:
    return "" if value is None else format_currency(value, ctx["currency"], locale=ctx["language"])


@pass_context
def _date(ctx, value: date | None) -> str:
    return "" if value is None else long_date(value, ctx["language"])


@pass_context
def _number(ctx, value: Decimal | int) -> str:
    return format_decimal(value, locale=ctx["language"])


@pass_context
def _percent(ctx, value: Decimal | int) -> str:
    return format_percent(Decimal(value) / 100, locale=ctx["language"], decimal_quantization=False)


@pass_context
def _words(ctx, values: list) -> str:
    return _to_text(list(values), ctx["language"])


def make_environment() -> SandboxedEnvironment:
    """The one sandbox that evaluates `when` expressions and clause bodies."""
    env = SandboxedEnvironment(
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
        autoescape=False, finalize=_finalize,
    )
    env.filters.update(money=_money, date=_date, number=_number, percent=_percent, words=_words)
    return env


ENV = make_environment()


@dataclass(frozen=True)
class Clause:
    """One clause in one language: front matter plus a body template."""

    id: str
    title: str
    section: str
    order: int
    body: str
    path: Path
    when: str = ""
    document: str = "contract"

    @cached_property
    def condition(self) -> Callable[..., Any] | None:
        return ENV.compile_expression(self.when) if self.when else None

    @cached_property
    def template(self):
        return ENV.from_string(self.body)

    def applies(self, context: dict[str, Any]) -> bool:
        """Whether this clause belongs in a contract built from this context."""
        return self.condition is None or bool(self.condition(**context))

    def render(self, context: dict[str, Any]) -> list[markup.Block]:
        """The clause body for this context, as neutral blocks."""
        return markup.parse(self.template.render(context))


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass
class Language:
    """All clauses, sections and frame labels of one language."""

    code: str
    clauses: dict[str, Clause] = field(default_factory=dict)
    sections: dict[str, list[Section]] = field(default_factory=dict)
    strings: dict[str, str] = field(default_factory=dict)

    def ordered(self, document: str) -> list[Clause]:
        """The clauses of one document in section order, then clause order."""
        rank = {s.id: i for i, s in enumerate(self.sections.get(document, []))}
        chosen = [c for c in self.clauses.values() if c.document == document]
        return sorted(chosen, key=lambda c: (rank.get(c.section, len(rank)), c.order, c.id))


@dataclass
class Library:
    version: str
    languages: dict[str, Language]

    def language(self, code: str) -> Language:
        if code not in self.languages:
            raise LibraryError(f"the clause library has no language {code!r}")
        return self.languages[code]


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LibraryError(f"{path}: cannot read: {exc}") from None


def read_clause(path: Path) -> Clause:
    """Parse one clause file; raise LibraryError naming the file on any problem."""
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        raise LibraryError(f"{path}: missing the --- front matter ---")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise LibraryError(f"{path}: bad front matter: {exc}") from None
    missing = {"id", "title", "section", "order"} - meta.keys()
    unknown = meta.keys() - {"id", "title", "section", "order", "when", "document"}
    if missing or unknown:
        raise LibraryError(f"{path}: front matter missing {sorted(missing)} or unknown {sorted(unknown)}")
    if meta.get("document", "contract") not in DOCUMENTS:
        raise LibraryError(f"{path}: document must be one of {DOCUMENTS}")
    return Clause(
        id=str(meta["id"]), title=str(meta["title"]), section=str(meta["section"]), order=int(meta["order"]),
        when=str(meta.get("when") or ""), document=meta.get("document", "contract"),
        body=match.group(2).strip("\n"), path=path,
    )


def _load_language(root: Path) -> Language:
    lang = Language(root.name)
    sections = _read_yaml(root / "sections.yaml") or {}
    lang.sections = {doc: [Section(s["id"], s["title"]) for s in sections.get(doc, [])] for doc in DOCUMENTS}
    lang.strings = _read_yaml(root / "strings.yaml") or {}
    for path in sorted(root.glob("*/*.md")):
        clause = read_clause(path)
        if clause.id in lang.clauses:
            raise LibraryError(f"{path}: duplicate clause id {clause.id!r} (also {lang.clauses[clause.id].path})")
        lang.clauses[clause.id] = clause
    return lang


@lru_cache(maxsize=4)
def load_library(root: Path = CLAUSES_DIR) -> Library:
    """Load every language of the clause library (cached; the library is data shipped with the code)."""
    version = (root / "VERSION").read_text(encoding="utf-8").strip()
    languages = {p.name: _load_language(p) for p in sorted(root.iterdir()) if p.is_dir() and p.name in LANGUAGES}
    return Library(version, languages)


def profile_context(profile: Profile, prevailing_language: str | None = None) -> dict[str, Any]:
    """The variables a clause sees: the Profile's fields and computed values.

    `prevailing_language` is the language whose version wins in a bilingual contract: the
    profile's own, also when the clauses are being written in its second language.
    """
    names = [*Profile.model_fields, *_properties(Profile)]
    context = {name: getattr(profile, name) for name in names}
    context["prevailing_language"] = prevailing_language or profile.language
    context["exit"] = None  # the dated plan's ExitPlan once an engagement ends (see contracts/transition.py)
    return context


@lru_cache(maxsize=None)
def _properties(model: type) -> tuple[str, ...]:
    """The public properties of a model class (computed once: assembly asks on every build)."""
    return tuple(name for name in dir(model) if isinstance(getattr(model, name, None), property)
                 and not name.startswith("_") and not name.startswith("model_"))


# -- checks: every clause parses, every `when` compiles, every variable exists, languages agree --

_ANY = object()
_LOOP = object()


def _unwrap(tp: Any) -> Any:
    """Strip Optional and Annotated; keep list[...] as is."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else _ANY
        else:
            return tp


def _attribute_type(owner: Any, name: str) -> Any:
    """The type of owner.name, or None when a Profile model has no such attribute."""
    if owner in (_ANY, _LOOP) or not (isinstance(owner, type) and issubclass(owner, BaseModel)):
        return _ANY if owner in (_ANY, _LOOP) else None
    if name in owner.model_fields:
        return _unwrap(owner.model_fields[name].annotation)
    prop = getattr(owner, name, None)
    if isinstance(prop, property) and not name.startswith("_"):
        return _unwrap(typing.get_type_hints(prop.fget).get("return", _ANY))
    return None


class _Checker:
    """Walks a template's syntax tree, resolving each variable against the Profile's types."""

    def __init__(self, where: str):
        self.where, self.problems, self.used = where, [], set()

    def resolve(self, node: nodes.Node, scope: dict[str, Any]) -> tuple[Any, str]:
        if isinstance(node, nodes.Name):
            if node.name not in scope:
                self.problems.append(f"{self.where}: unknown variable {node.name!r}")
                return _ANY, node.name
            return scope[node.name]
        if isinstance(node, nodes.Getattr):
            owner, path = self.resolve(node.node, scope)
            found = _attribute_type(owner, node.attr)
            if found is None:
                self.problems.append(f"{self.where}: {path} has no attribute {node.attr!r}")
                return _ANY, f"{path}.{node.attr}"
            return found, f"{path}.{node.attr}"
        self.walk(node, scope)
        return _ANY, "~"

    def use(self, node: nodes.Node, scope: dict[str, Any]) -> tuple[Any, str]:
        """Resolve a whole variable reference and record its path."""
        found, path = self.resolve(node, scope)
        if not path.startswith("~"):
            self.used.add(path)
        return found, path

    def walk(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            element, path = self.use(node.iter, scope)
            args = typing.get_args(element) if typing.get_origin(element) is list else ()
            inner = {**scope, "loop": (_LOOP, "~loop")}
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = (_unwrap(args[0]) if args else _ANY), f"{path}[]"
            for target in node.target.find_all(nodes.Name):
                inner[target.name] = _ANY, "~"
            for child in [*node.body, *node.else_, *([node.test] if node.test else [])]:
                self.walk(child, inner)
            return
        if isinstance(node, nodes.Assign):
            self.walk(node.node, scope)
            for target in [node.target, *node.target.find_all(nodes.Name)]:
                if isinstance(target, nodes.Name):
                    scope[target.name] = _ANY, "~"
            return
        if isinstance(node, (nodes.Name, nodes.Getattr)):
            self.use(node, scope)
            return
        if isinstance(node, nodes.Filter) and node.name not in ENV.filters:
            self.problems.append(f"{self.where}: unknown filter {node.name!r}")
        for child in node.iter_child_nodes():
            self.walk(child, scope)


def _profile_scope() -> dict[str, Any]:
    scope = {name: (_unwrap(f.annotation), name) for name, f in Profile.model_fields.items()}
    scope.update({name: (_attribute_type(Profile, name), name) for name in _properties(Profile)})
    scope["prevailing_language"] = (str, "prevailing_language")
    scope["exit"] = (ExitPlan, "exit")
    return scope


def check_clause(clause: Clause) -> tuple[list[str], set[str]]:
    """Problems with one clause, and the variable paths it uses."""
    checker = _Checker(str(clause.path))
    try:
        if clause.when:
            checker.walk(ENV.parse("{{ " + clause.when + " }}"), _profile_scope())
        checker.walk(ENV.parse(clause.body), _profile_scope())
    except TemplateError as exc:
        return [f"{clause.path}: does not compile: {exc}"], set()
    if not clause.title.strip() or not clause.body.strip():
        checker.problems.append(f"{clause.path}: empty title or body")
    return checker.problems, checker.used


def check_library(library: Library) -> list[str]:
    """Every problem in the library; an empty list means it is fit to ship."""
    problems: list[str] = []
    used: dict[str, dict[str, set[str]]] = {}
    for code, lang in library.languages.items():
        used[code] = {}
        for clause in lang.clauses.values():
            found, used[code][clause.id] = check_clause(clause)
            problems += found
            if clause.section not in {s.id for s in lang.sections.get(clause.document, [])}:
                problems.append(f"{clause.path}: section {clause.section!r} is not in {code}/sections.yaml")
    problems += _parity(library, used)
    return problems


def _parity(library: Library, used: dict[str, dict[str, set[str]]]) -> list[str]:
    """Every language has the same clauses, conditions, variables, sections and labels."""
    if "en" not in library.languages:
        return ["the clause library has no English (en) reference language"]
    ref = library.languages["en"]
    problems = []
    for code, lang in library.languages.items():
        if code == "en":
            continue
        for missing in sorted(ref.clauses.keys() - lang.clauses.keys()):
            problems.append(f"{code}: clause {missing!r} is missing (it exists in en)")
        for extra in sorted(lang.clauses.keys() - ref.clauses.keys()):
            problems.append(f"{code}: clause {extra!r} does not exist in en")
        for cid in sorted(ref.clauses.keys() & lang.clauses.keys()):
            a, b = ref.clauses[cid], lang.clauses[cid]
            for attr in ("when", "section", "document"):
                if getattr(a, attr) != getattr(b, attr):
                    problems.append(f"{b.path}: {attr} {getattr(b, attr)!r} differs from en {getattr(a, attr)!r}")
            if used["en"][cid] != used[code][cid]:
                diff = sorted(used["en"][cid] ^ used[code][cid])
                problems.append(f"{b.path}: uses different variables than en: {', '.join(diff)}")
        for doc in DOCUMENTS:
            if [s.id for s in ref.sections[doc]] != [s.id for s in lang.sections[doc]]:
                problems.append(f"{code}/sections.yaml: {doc} sections differ from en")
        if ref.strings.keys() != lang.strings.keys():
            problems.append(f"{code}/strings.yaml: labels differ from en: {sorted(ref.strings.keys() ^ lang.strings.keys())}")
    return problems
