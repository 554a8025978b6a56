"""Property: any text in any answer is refused with a field-level error or printed literally.

Hypothesis generates arbitrary Unicode (control characters, template syntax, markup, extreme
lengths) for one text answer at a time. CI runs 2,000 examples; `python bench/fuzz.py` runs 10,000+.
"""

from __future__ import annotations

import copy
import os
import re
from functools import lru_cache
from pathlib import Path

import yaml
from conftest import docx_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from contracts.assemble import assemble
from contracts.docx import render_docx
from contracts.html import render_html
from contracts.profile import ProfileError, parse_profile

BASE = yaml.safe_load((Path(__file__).resolve().parents[1] / "sample_profiles" / "designer-licence.yaml")
                      .read_text(encoding="utf-8"))
MARKER = "Qzxv Marker"
EXAMPLES = int(os.environ.get("CLAUSEWRIGHT_FUZZ_EXAMPLES", "2000"))


def _text_paths(node, prefix=()) -> list[tuple]:
    """Every path to a text answer in the base profile (codes such as language are not free text)."""
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in _text_paths(value, (*prefix, key))]
    if isinstance(node, list):
        return [p for i, value in enumerate(node) for p in _text_paths(value, (*prefix, i))]
    free_text = isinstance(node, str) and not re.fullmatch(r"[A-Za-z_]{2,}|\d{4}-\d\d-\d\d", node)
    return [prefix] if free_text and "email" not in prefix[-1:] else []


PATHS = _text_paths(BASE)


def _with(path: tuple, value: str) -> dict:
    data = copy.deepcopy(BASE)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


@lru_cache(maxsize=None)
def _marker_documents(path: tuple) -> tuple[str, str]:
    contract = assemble(parse_profile(_with(path, MARKER)))
    return docx_text(render_docx(contract)), str(render_html(contract))


# No newlines: a line break inside an answer is folded differently by each place that prints it.
hostile_text = st.text(st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=300) | st.sampled_from([
    "{{ 7*7 }}", "{% raw %}x{% endraw %}", "- item", "| a | b |", "### h", "**b**", "\\", "&amp;<b>\"'",
    "x" * 2500, "\u202eevil\u202c", "\u2028- injected", "👩🏽‍💻" * 50,
])


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(PATHS), text=hostile_text)
def test_any_text_is_refused_at_its_field_or_printed_literally(path, text):
    try:
        profile = parse_profile(_with(path, text))
    except ProfileError as error:
        assert [p for p, _ in error.problems] == [".".join(map(str, path))]
        return
    stored = profile
    for key in path:
        stored = stored[key] if isinstance(key, int) else getattr(stored, key)
    contract = assemble(profile)
    word, html = docx_text(render_docx(contract)), str(render_html(contract))
    if not stored:  # an emptied optional answer rightly leaves out what it would have said
        return
    marker_word, marker_html = _marker_documents(path)
    assert word == marker_word.replace(MARKER, stored)
    assert html == marker_html.replace(MARKER, str(escape(stored)))
