"""Documents made from a contract's answers, kept by the answers' fingerprint.

The same answers (with the clause library a running server loads once) always make the same document,
so a worker hands back the DOCX it made before instead of assembling and rendering it again (about
17 ms). A cache, not state: every worker fills its own, and a miss only costs the rendering time.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from contracts.assemble import assemble
from contracts.docx import render_docx
from webapp.wizard.answers import check_answers


def contract_docx(answers: dict[str, Any], document: str) -> bytes | None:
    """The DOCX of the contract or its transition plan; None while the answers make no valid Profile."""
    return rendered_docx(json.dumps(answers, sort_keys=True, default=str), document)


@lru_cache(maxsize=64)
def rendered_docx(fingerprint: str, document: str) -> bytes | None:
    """Render once per distinct answers (the JSON text is the key, so a cached entry never changes)."""
    profile, _problems = check_answers(json.loads(fingerprint))
    return render_docx(assemble(profile, document=document)) if profile is not None else None
