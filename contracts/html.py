"""Contract -> escaped HTML fragment for the preview: the same blocks, the same text."""

from __future__ import annotations

from markupsafe import Markup, escape

from . import markup
from .assemble import Contract


def _inline(spans: markup.Inline) -> str:
    return "".join(f"<strong>{escape(s.text)}</strong>" if s.bold else str(escape(s.text)) for s in spans)


def _block(block: markup.Block) -> str:
    if isinstance(block, markup.Paragraph):
        return f"<p>{_inline(block.spans)}</p>"
    if isinstance(block, markup.Heading):
        return f"<h4>{_inline(block.spans)}</h4>"
    if isinstance(block, markup.BulletList):
        return "<ul>" + "".join(f"<li>{_inline(item)}</li>" for item in block.items) + "</ul>"
    head = "".join(f'<th scope="col">{_inline(cell)}</th>' for cell in block.header)
    rows = "".join("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>" for row in block.rows)
    return f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'


def _clause(clause) -> str:
    return f"<h3>{escape(clause.number)} {escape(clause.title)}</h3>" + "".join(_block(b) for b in clause.blocks)


def _party(role: str, party) -> str:
    lines = [f"<strong>{escape(party.name)}</strong>", *map(str, map(escape, party.address.split("\n"))),
             str(escape(party.email)), *([str(escape(party.business_id))] if party.business_id else [])]
    return f'<div class="party"><p>{"<br>".join(lines)}</p><p class="role">{escape(role)}</p></div>'


def render_html(contract: Contract) -> Markup:
    """The contract as an HTML fragment; every piece of text is escaped."""
    p, labels = contract.profile, contract.labels
    out = [f'<article class="contract" lang="{escape(contract.language)}">',
           f"<header><h1>{escape(contract.title)}</h1><p class=\"subtitle\">{escape(contract.subtitle)}</p>",
           f"<p>{escape(labels['between'])}</p><div class=\"parties\">",
           _party(labels["freelancer_role"], p.freelancer), _party(labels["client_role"], p.client),
           "</div></header>"]
    twin = contract.translation
    for i, section in enumerate(contract.sections):
        title = section.title + (f" / {twin.sections[i].title}" if twin else "")
        out.append(f'<section id="section-{escape(section.id)}"><h2>{section.number}. {escape(title)}</h2>')
        for j, clause in enumerate(section.clauses):
            if twin is None:
                out.append(f'<div class="clause" id="clause-{escape(clause.id)}">{_clause(clause)}</div>')
            else:
                other = twin.sections[i].clauses[j]
                out.append(f'<div class="clause bilingual" id="clause-{escape(clause.id)}">'
                           f'<div lang="{escape(contract.language)}">{_clause(clause)}</div>'
                           f'<div lang="{escape(twin.language)}">{_clause(other)}</div></div>')
        out.append("</section>")
    out.append(f'<footer><p class="version">{escape(labels["library_version"])} {escape(contract.library_version)}</p></footer></article>')
    return Markup("\n".join(out))
