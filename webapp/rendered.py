"""Documents made from a contract's answers, kept by the answers' fingerprint.

The same answers (with the clause library a running server loads once) always make the same document,
so a worker hands back the DOCX or preview it made before instead of assembling and rendering it again
(17 ms for a DOCX, 6 ms for a preview). A cache, not state: every worker fills its own, and a miss only
costs the rendering time.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from contracts.assemble import Contract, assemble
from contracts.docx import render_docx
from contracts.html import render_html
from webapp.wizard.answers import check_answers


def fingerprint(answers: dict[str, Any]) -> str:
    """The answers as canonical JSON text: the cache key, and what a cached entry is rebuilt from."""
    return json.dumps(answers, sort_keys=True, default=str)


def contract_docx(answers: dict[str, Any], document: str) -> bytes | None:
    """The DOCX of the contract or its transition plan; None while the answers make no valid Profile."""
    return rendered_docx(fingerprint(answers), document)


def contract_preview(answers: dict[str, Any]) -> tuple[Contract | None, Markup | None]:
    """The assembled contract and its HTML preview; (None, None) while the answers make no valid Profile."""
    return rendered_preview(fingerprint(answers))


@lru_cache(maxsize=64)
def rendered_docx(key: str, document: str) -> bytes | None:
    """Render once per distinct answers (the key is their JSON text, so an entry never goes stale)."""
    profile, _problems = check_answers(json.loads(key))
    return render_docx(assemble(profile, document=document)) if profile is not None else None


@lru_cache(maxsize=64)
def rendered_preview(key: str) -> tuple[Contract | None, Markup | None]:
    """Assemble and render the preview once per distinct answers (both results are immutable)."""
    profile, _problems = check_answers(json.loads(key))
    if profile is None:
        return None, None
    document = assemble(profile, document="contract")
    return document, render_html(document)
