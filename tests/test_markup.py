from __future__ import annotations

import pytest

from contracts.markup import BulletList, Heading, Paragraph, Span, Table, escape, parse, parse_inline


def test_lines_become_paragraphs_lists_tables_and_headings():
    blocks = parse("Intro **bold** text\n\n- one\n- two\n| A | B |\n|---|---|\n| 1 | 2 |\n### Sub\nEnd")
    assert blocks == [
        Paragraph((Span("Intro "), Span("bold", True), Span(" text"))),
        BulletList(((Span("one"),), (Span("two"),))),
        Table(((Span("A"),), (Span("B"),)), (((Span("1"),), (Span("2"),)),)),
        Heading((Span("Sub"),)),
        Paragraph((Span("End"),)),
    ]


@pytest.mark.parametrize("user_text", [
    "- not a list", "| not | a table |", "### not a heading", "**not bold**", "back\\slash", "a|b*c-d#e",
    "\\", "trailing\\", "|", "--", "** ** **",
])
def test_escaped_user_text_stays_literal(user_text):
    blocks = parse(f"Before {escape(user_text)} after\n{escape(user_text)}")
    assert blocks == [Paragraph((Span(f"Before {user_text} after"),)), Paragraph((Span(user_text),))]


def test_escaped_pipes_stay_inside_their_table_cell():
    pipe, slashes = escape("a|b"), escape("c\\")
    table = parse(f"| Name | Note |\n| {pipe} | {slashes} |")[0]
    assert table.rows == (((Span("a|b"),), (Span("c\\"),)),)


def test_unclosed_bold_runs_to_the_end_of_the_line():
    assert parse_inline("a **b") == (Span("a "), Span("b", True))
