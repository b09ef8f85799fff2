"""One letter, two parts: the plain-text and the HTML body are written from the same blocks.

A notice builds its Letter from plain strings (models/notices/letter.py); only this module
writes HTML, and it escapes every value it is given, so no name or reason from a user can
change the markup.
"""

from __future__ import annotations

import textwrap
from html import escape
from string import Template

from models.notices.letter import (
    Block,
    Button,
    Facts,
    Highlight,
    Items,
    Letter,
    Paragraph,
    Steps,
)

TEXT_WIDTH = 72


# ---------------------------------------------------------------- plain text


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(
        text,
        width=TEXT_WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _facts_text(rows: list[tuple[str, str]], indent: str = "") -> list[str]:
    width = max((len(label) for label, _ in rows), default=0) + 1
    return [f"{indent}{label + ':':<{width}} {value}" for label, value in rows]


def _block_text(block: Block) -> str:
    match block:
        case Paragraph(text=text):
            return _wrap(text)
        case Facts(rows=rows):
            return "\n".join(_facts_text(rows))
        case Highlight(label=label, value=value):
            return f"{label}:\n\n    {value}"
        case Steps(title=title, items=items):
            lines = [_wrap(title)]
            for number, step in enumerate(items, start=1):
                lines.append(_wrap(step, indent="    ").replace("    ", f"{number:>2}. ", 1))
            return "\n".join(lines)
        case Items(title=title, items=entries):
            lines = [_wrap(title)]
            for item in entries:
                lines.append("")
                lines.append(f"  - {item.title}")
                lines.extend(_facts_text(item.details, indent="    "))
            return "\n".join(lines)
        case Button(label=label, url=url):
            return f"{label}: {url}"
    raise TypeError(f"unknown block {block!r}")


def to_text(letter: Letter) -> str:
    """The plain-text part: readable in any mail client and on a phone."""
    parts = [letter.greeting, *(_block_text(block) for block in letter.blocks)]
    if letter.closing:
        parts.append("\n".join(letter.closing))
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------- HTML

_PAGE = Template(
    """<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$subject</title>
</head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;\
font-size:15px;line-height:1.5;color:#1f2933;">
<div style="max-width:640px;margin:0 auto;background:#ffffff;padding:24px 32px;\
border-radius:6px;">
<p>$greeting</p>
$blocks
$closing
</div>
</body>
</html>
"""
)

_CELL = "padding:4px 12px 4px 0;vertical-align:top;text-align:left;"


def _facts_html(rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f'<tr><th style="{_CELL}font-weight:normal;color:#52606d;">{escape(label)}</th>'
        f'<td style="{_CELL}">{escape(value)}</td></tr>'
        for label, value in rows
    )
    return f'<table role="presentation" style="border-collapse:collapse;">{body}</table>'


def _block_html(block: Block) -> str:
    match block:
        case Paragraph(text=text):
            return f"<p>{escape(text)}</p>"
        case Facts(rows=rows):
            return _facts_html(rows)
        case Highlight(label=label, value=value):
            return (
                f'<p style="margin-bottom:4px;">{escape(label)}</p>'
                '<p style="margin-top:0;font-family:Consolas,Menlo,monospace;font-size:22px;'
                "font-weight:bold;letter-spacing:2px;padding:12px 16px;background:#eef2f7;"
                f'border-radius:4px;display:inline-block;">{escape(value)}</p>'
            )
        case Steps(title=title, items=items):
            steps = "".join(f"<li>{escape(step)}</li>" for step in items)
            return f"<p>{escape(title)}</p><ol>{steps}</ol>"
        case Items(title=title, items=entries):
            labels = [label for label, _ in entries[0].details] if entries else []
            head = "".join(f'<th style="{_CELL}">{escape(label)}</th>' for label in ["", *labels])
            lines = "".join(
                f'<tr><td style="{_CELL}font-weight:bold;">{escape(item.title)}</td>'
                + "".join(f'<td style="{_CELL}">{escape(value)}</td>' for _, value in item.details)
                + "</tr>"
                for item in entries
            )
            return (
                f"<p>{escape(title)}</p>"
                '<table style="border-collapse:collapse;border-top:1px solid #d9e2ec;">'
                f"<thead><tr>{head}</tr></thead><tbody>{lines}</tbody></table>"
            )
        case Button(label=label, url=url):
            return (
                f'<p><a href="{escape(url)}" style="display:inline-block;padding:10px 18px;'
                'background:#1f5fbf;color:#ffffff;text-decoration:none;border-radius:4px;">'
                f"{escape(label)}</a></p>"
                f'<p style="font-size:13px;color:#52606d;">{escape(url)}</p>'
            )
    raise TypeError(f"unknown block {block!r}")


def to_html(letter: Letter) -> str:
    """The HTML part: the same content as the text part, every value escaped."""
    closing = "<br>".join(escape(line) for line in letter.closing)
    return _PAGE.substitute(
        lang=letter.language.value.lower(),
        subject=escape(letter.subject),
        greeting=escape(letter.greeting),
        blocks="\n".join(_block_html(block) for block in letter.blocks),
        closing=f"<p>{closing}</p>" if closing else "",
    )
