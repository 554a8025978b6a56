"""The tiny clause markup, parsed into neutral blocks that every renderer shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that mean something to the markup; user values have them backslash-escaped.
_SPECIAL = re.compile(r"([\\*|#-])")
_TOKEN = re.compile(r"\\(.)|\*\*", re.DOTALL)
_CELL_SPLIT = re.compile(r"(?<!\\)((?:\\\\)*)\|")
_RULE = re.compile(r"^\|[\s:|-]*\|$")


@dataclass(frozen=True)
class Span:
    """A run of text, bold or not."""

    text: str
    bold: bool = False


Inline = tuple[Span, ...]


@dataclass(frozen=True)
class Paragraph:
    spans: Inline


@dataclass(frozen=True)
class Heading:
    spans: Inline


@dataclass(frozen=True)
class BulletList:
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]


Block = Paragraph | Heading | BulletList | Table


def escape(text: str) -> str:
    """Make user text literal inside the markup."""
    return _SPECIAL.sub(r"\\\1", text)


def parse_inline(text: str) -> Inline:
    """Split text into spans on `**`, honouring backslash escapes."""
    spans: list[Span] = []
    bold, buffer, pos = False, [], 0
    for match in _TOKEN.finditer(text):
        buffer.append(text[pos : match.start()])
        pos = match.end()
        if match.group(1) is not None:
            buffer.append(match.group(1))
            continue
        if "".join(buffer):
            spans.append(Span("".join(buffer), bold))
        bold, buffer = not bold, []
    buffer.append(text[pos:])
    if "".join(buffer):
        spans.append(Span("".join(buffer), bold))
    return tuple(spans)


def _cells(line: str) -> tuple[Inline, ...]:
    inner = line.strip()[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    parts = _CELL_SPLIT.split(inner)
    # split() with a group interleaves the captured backslash runs; glue them back.
    cells = [parts[0]]
    for slashes, text in zip(parts[1::2], parts[2::2]):
        cells[-1] += slashes
        cells.append(text)
    return tuple(parse_inline(cell.strip()) for cell in cells)


def parse(body: str) -> list[Block]:
    """Parse a rendered clause body into blocks, one per line, grouping lists and tables."""
    blocks: list[Block] = []
    items: list[Inline] = []
    rows: list[tuple[Inline, ...]] = []

    def flush() -> None:
        if items:
            blocks.append(BulletList(tuple(items)))
            items.clear()
        if rows:
            blocks.append(Table(rows[0], tuple(rows[1:])))
            rows.clear()

    for raw in body.split("\n"):  # not splitlines(): user text may hold U+2028 and friends
        line = raw.strip()
        if line.startswith("- "):
            if rows:
                flush()
            items.append(parse_inline(line[2:].strip()))
        elif line.startswith("|"):
            if items:
                flush()
            if not _RULE.match(line):
                rows.append(_cells(line))
        else:
            flush()
            if line.startswith("### "):
                blocks.append(Heading(parse_inline(line[4:].strip())))
            elif line:
                blocks.append(Paragraph(parse_inline(line)))
    flush()
    return blocks


def plain(spans: Inline) -> str:
    """The text of spans without formatting."""
    return "".join(span.text for span in spans)


def block_text(block: Block) -> str:
    """The text of one block, one line per paragraph, item or row."""
    if isinstance(block, (Paragraph, Heading)):
        return plain(block.spans)
    if isinstance(block, BulletList):
        return "\n".join(plain(item) for item in block.items)
    return "\n".join(" | ".join(plain(cell) for cell in row) for row in (block.header, *block.rows))
