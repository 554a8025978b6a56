"""Shared fixtures: sample profiles, reading DOCX text back, and tools CI must not skip."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_profiles").glob("*.yaml"))


def require_tool(name: str) -> str:
    """Path of an external tool; skip without it locally, fail without it in CI."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CLAUSEWRIGHT_REQUIRE_TOOLS"):
            pytest.fail(f"{name} is required here (CLAUSEWRIGHT_REQUIRE_TOOLS is set) but not installed")
        pytest.skip(f"{name} is not installed")
    return path


def docx_text(data: bytes) -> str:
    """All the text a reader sees in a DOCX: body paragraphs and table cells, in order."""
    document = docx.Document(io.BytesIO(data))
    lines = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            lines.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif block.tag.endswith("}tbl"):
            for row in block.iter():
                if row.tag.endswith("}tr"):
                    cells = [c for c in row if c.tag.endswith("}tc")]
                    lines.append(" | ".join("".join(t.text or "" for t in c.iter() if t.tag.endswith("}t"))
                                            for c in cells))
    return "\n".join(lines)


@pytest.fixture(params=SAMPLES, ids=[p.stem for p in SAMPLES])
def sample_path(request) -> Path:
    return request.param
