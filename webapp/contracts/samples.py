"""The example profiles a freelancer can start a contract from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import contracts
from flask_babel import lazy_gettext as _l

from contracts.profile import load_profile

FOLDER = Path(contracts.__file__).resolve().parents[1] / "sample_profiles"

# Each sample's name and situation in the reader's language; a sample not listed here shows its
# file name and the comment at the top of its file.
SITUATIONS = {
    "designer-licence": (
        _l("Designer who licenses the brand"),
        _l("A graphic designer keeps the vector illustrations and licenses the brand to the client, "
           "who may buy the source files for 40 percent of the fees."),
    ),
    "designer-reseller": (
        _l("Designer who resells printing"),
        _l("A packaging designer buys print runs on her own trade account and resells them with a markup; "
           "her printers and production specs stay her know-how. The artwork passes to the client on payment."),
    ),
    "illustrator-france": (
        _l("Illustrator under French law"),
        _l("A Lyon illustrator paints a children's book for a French publisher. The contract is in English but "
           "French law governs it, so her moral rights stay with her; the publisher gets an exclusive licence."),
    ),
    "software-vendor-maintenance": (
        _l("Software house with a maintenance plan"),
        _l("A small software house builds a booking platform to the client's specification, assigns all of it, "
           "then runs it on a monthly maintenance plan; extra work needs the finance director's approval. "
           "English law."),
    ),
    "virtual-assistant": (
        _l("Virtual assistant billing by the quarter hour"),
        _l("A virtual assistant runs a real-estate broker's inbox and calendar. Email and calls are billed in "
           "15-minute steps, anything under 5 minutes is free, and her templates stay hers. Texas law."),
    ),
    "web-consultant": (
        _l("Web consultant; the client holds the accounts"),
        _l("An independent web consultant rebuilds a nonprofit's website, deciding how within the brief. The "
           "client holds the hosting and registrar accounts; the site is assigned once paid for. New York law."),
    ),
}


@dataclass(frozen=True)
class Sample:
    """One example profile: its file name and where it is."""

    name: str
    path: Path

    @property
    def title(self) -> str:
        """The sample's name: translated when listed, else the file name as words (`Designer Licence`)."""
        if self.name in SITUATIONS:
            return str(SITUATIONS[self.name][0])
        return self.name.replace("-", " ").replace("_", " ").title()

    @property
    def description(self) -> str:
        """The situation the sample describes: translated when listed, else the comment atop its file."""
        if self.name in SITUATIONS:
            return str(SITUATIONS[self.name][1])
        return describe(self.path)


def list_samples(folder: Path = FOLDER) -> list[Sample]:
    """The example profiles shipped with Clausewright, by file name."""
    return [Sample(path.stem, path) for path in sorted(folder.glob("*.yaml"))]


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
