"""Profile + clause library -> Contract: ordered, numbered sections of neutral blocks."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from . import markup
from .library import Clause, Library, LibraryError, load_library, long_date, profile_context
from .profile import Profile


@dataclass(frozen=True)
class RenderedClause:
    id: str
    number: str
    title: str
    blocks: tuple[markup.Block, ...]


@dataclass(frozen=True)
class Section:
    id: str
    number: int
    title: str
    clauses: tuple[RenderedClause, ...]


@dataclass(frozen=True)
class Contract:
    """What a document says, independent of how Word or HTML stores it."""

    document: str
    language: str
    title: str
    subtitle: str
    library_version: str
    profile: Profile
    labels: dict[str, str]
    sections: tuple[Section, ...]
    extra: dict[str, Any] = field(default_factory=dict)
    translation: Contract | None = None  # the same clauses in the second language, side by side

    @property
    def clause_ids(self) -> list[str]:
        return [c.id for s in self.sections for c in s.clauses]

    def text(self) -> str:
        """The whole body as plain text, one line per paragraph, item or row."""
        lines = []
        for section in self.sections:
            lines.append(f"{section.number}. {section.title}")
            for clause in section.clauses:
                lines.append(f"{clause.number} {clause.title}")
                lines += [markup.block_text(b) for b in clause.blocks]
        return "\n".join(lines)


def assemble(profile: Profile, document: str = "contract", library: Library | None = None,
             extra: dict[str, Any] | None = None) -> Contract:
    """Select the clauses that apply to this profile, render them and number them.

    With a second language, the result carries the same clauses in that language as `translation`.
    """
    library = library or load_library()
    contract = _assemble_one(profile, document, library, extra)
    if profile.second_language is None:
        return contract
    swapped = profile.model_copy(update={"language": profile.second_language, "second_language": profile.language})
    twin = _assemble_one(swapped, document, library, extra, prevailing_language=profile.language)
    if twin.clause_ids != contract.clause_ids:
        raise LibraryError(f"{profile.language} and {profile.second_language} select different clauses")
    return replace(contract, translation=twin)


def _assemble_one(profile: Profile, document: str, library: Library, extra: dict[str, Any] | None,
                  prevailing_language: str | None = None) -> Contract:
    lang = library.language(profile.language)
    context = {**profile_context(profile, prevailing_language), **(extra or {})}
    by_section: dict[str, list[tuple[Clause, tuple[markup.Block, ...]]]] = {}
    for clause in lang.ordered(document):
        if clause.applies(context):
            blocks = clause.render(context)
            if blocks:
                by_section.setdefault(clause.section, []).append((clause, tuple(blocks)))
    sections = []
    for section in lang.sections[document]:
        if section.id not in by_section:
            continue
        number = len(sections) + 1
        clauses = tuple(
            RenderedClause(c.id, f"{number}.{i}", c.title, blocks)
            for i, (c, blocks) in enumerate(by_section[section.id], start=1)
        )
        sections.append(Section(section.id, number, section.title, clauses))
    labels = lang.strings if document == "contract" else {**lang.strings, "between": lang.strings["plan_between"]}
    title = labels[f"{document}_title"]
    subtitle = profile.project if document == "contract" else labels["transition_subtitle"]
    if context.get("exit"):
        subtitle = labels["plan_subtitle"].format(date=long_date(context["exit"].notice_date, profile.language))
    return Contract(document, profile.language, title, subtitle, library.version, profile, labels,
                    tuple(sections), dict(extra or {}))
