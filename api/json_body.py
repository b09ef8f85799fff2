"""Reading a request's JSON so that neither its bytes nor its shape can crash the parser."""

from __future__ import annotations

import json
import re

# GraphQL variables nest a few levels (an input in a list in an input); 64 leaves ample room.
MAX_JSON_DEPTH = 64

# A JSON string, escapes included; brackets inside strings are text, not structure.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


class UnreadableJsonError(json.JSONDecodeError):
    """JSON the service refuses to parse: not UTF-8, or nested deeper than it accepts."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "", 0)


def nesting_depth_exceeds(text: str, max_depth: int) -> bool:
    """Whether the arrays and objects of a JSON text nest deeper than max_depth."""
    structure = _STRING.sub("", text)
    if structure.count("[") + structure.count("{") <= max_depth:
        return False  # too few brackets to nest that deep: nearly every request
    depth = 0
    for bracket in _BRACKET.finditer(structure):
        if bracket.group() in "[{":
            depth += 1
            if depth > max_depth:
                return True
        else:
            depth -= 1
    return False


def read_json(data: str | bytes, max_depth: int = MAX_JSON_DEPTH) -> object:
    """json.loads, refused before it recurses into nesting deeper than max_depth."""
    # json.loads would recurse once per level and fail with RecursionError at about a thousand.
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise UnreadableJsonError("The request body is not valid UTF-8.") from None
    if nesting_depth_exceeds(data, max_depth):
        raise UnreadableJsonError(
            f"The JSON nests arrays and objects deeper than {max_depth} levels."
        )
    try:
        return json.loads(data)
    except json.JSONDecodeError:
        raise
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        raise UnreadableJsonError("The JSON holds a number with too many digits.") from None
