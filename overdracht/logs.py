"""Log lines as people read them, or as one JSON object each for a log pipeline.

Every line written while a request is handled carries that request's id, so one request's
lines can be found among many processes' output. In the text format each record is one line
that starts with its time: a value a request brought in (a path, a header, an operation name)
has its line breaks and other control characters escaped, and the lines of a traceback are
indented, so no request can write a line that reads as a record of its own.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime
from typing import Any

REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
TRACEBACK_INDENT = "    "
_JSON_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def escaped(text: str) -> str:
    """The text on one line: each unprintable character (line breaks too) as its escape."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _ESCAPES.get(ch) or ascii(ch)[1:-1] for ch in text)


def request_id_from(header: str | None) -> str:
    """The client's own request id when it is a sane one, else a new one."""
    if header and _CLIENT_ID.match(header):
        return header
    return uuid.uuid4().hex


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, exception."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if (request_id := REQUEST_ID.get()) is not None:
            line["request_id"] = request_id
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        text = json.dumps(line, ensure_ascii=False)
        # JSON leaves these unescaped, yet some readers (Python's splitlines) break lines there.
        return text.translate(_JSON_BREAKS)


class TextFormatter(logging.Formatter):
    """One line per record, under its request id; a traceback follows on indented lines."""

    def __init__(self) -> None:
        super().__init__(TEXT_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        # Not logging's own: that reuses a traceback another handler formatted, unindented.
        record.message = record.getMessage()
        record.asctime = self.formatTime(record, self.datefmt)
        lines = [self.formatMessage(record)]
        if record.exc_info:
            lines.append(self.formatException(record.exc_info))
        elif record.exc_text:
            lines.append(_indented(record.exc_text))
        if record.stack_info:
            lines.append(self.formatStack(record.stack_info))
        return "\n".join(lines)

    def formatMessage(self, record: logging.LogRecord) -> str:
        text = escaped(super().formatMessage(record))
        request_id = REQUEST_ID.get()
        return f"{text} [request {request_id}]" if request_id else text

    def formatException(self, ei: Any) -> str:
        return _indented(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return _indented(super().formatStack(stack_info))


def _indented(text: str) -> str:
    return "\n".join(TRACEBACK_INDENT + escaped(line) for line in text.splitlines())


def configure_logging(log_format: str) -> None:
    """Send every logger (uvicorn's too) through one handler in the chosen format."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    for name in ("uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
    # The service logs each request itself, under its request id.
    logging.getLogger("uvicorn.access").disabled = True
