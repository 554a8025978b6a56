"""The example profiles a freelancer can start a contract from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import contracts
from contracts.profile import load_profile

FOLDER = Path(contracts.__file__).resolve().parents[1] / "sample_profiles"


@dataclass(frozen=True)
class Sample:
    """One example profile: its file name and the comment that describes it."""

    name: str
    description: str
    path: Path

    @property
    def title(self) -> str:
        """The file name as words: `designer-licence` -> `Designer Licence`."""
        return self.name.replace("-", " ").replace("_", " ").title()


def list_samples(folder: Path = FOLDER) -> list[Sample]:
    """The example profiles shipped with Clausewright, by file name."""
    return [Sample(path.stem, describe(path), path) for path in sorted(folder.glob("*.yaml"))]


def describe(path: Path) -> str:
    """The comment at the top of a profile file, as one sentence."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return " ".join(lines) or path.stem.replace("-", " ").capitalize()


def sample_answers(sample: Sample) -> dict[str, Any]:
    """A sample profile's answers, stored the way the wizard stores them."""
    return load_profile(sample.path).model_dump(mode="json")
