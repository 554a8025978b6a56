"""Helpers the clause tests share: a sample's answers with some changed, and a document's text."""

from __future__ import annotations

import copy
import io
import re
from functools import lru_cache
from pathlib import Path

import docx
import yaml

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.library import load_library
from contracts.profile import Profile, parse_profile

ROOT = Path(__file__).resolve().parents[1]
BASE = yaml.safe_load((ROOT / "sample_profiles" / "designer-licence.yaml").read_text(encoding="utf-8"))
_TAGS = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.DOTALL)


def changed(data: dict, **changes) -> Profile:
    """`data` with answers changed: `a__b=value` sets data["a"]["b"], None removes it."""
    data = copy.deepcopy(data)
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


def read_docx(data: bytes) -> str:
    """The text of a DOCX: every paragraph, then every table cell, whitespace collapsed per line."""
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    lines += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(" ".join(line.split()) for line in lines)


def text(answers: Profile, document: str = "contract") -> str:
    """What a reader sees in the DOCX built from these answers."""
    return read_docx(render_docx(assemble(answers, document=document)))


def assert_says(document: str, present: tuple[str, ...] = (), absent: tuple[str, ...] = ()) -> None:
    for phrase in present:
        assert phrase in document, f"missing: {phrase!r}"
    for phrase in absent:
        assert phrase not in document, f"should not say: {phrase!r}"


@lru_cache(maxsize=1)
def english_sentences() -> frozenset[str]:
    """Literal English sentences of five words or more, from every clause body and label."""
    english = load_library().language("en")
    texts = [c.body for c in english.clauses.values()] + [str(v) for v in english.strings.values()]
    found = set()
    for body in texts:
        for piece in _TAGS.split(body):
            for sentence in re.split(r"(?<=[.;:!?])\s+|\n|\|", piece.replace("**", "")):
                sentence = sentence.strip(" -#*\"'()")
                if len(sentence.split()) >= 5:
                    found.add(sentence)
    return frozenset(found)
