"""Resumption tokens: the query and the last (datestamp, id) seen, in URL-safe base64.

The list is ordered by (last change, id), so a token names a position, not a page: it
never expires, survives restarts and concurrent edits, and an item changed during a
harvest moves past the position and is sent again with its new datestamp, never lost.
Everything read back from a token is checked again; anything odd is badResumptionToken.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime

from gcmhub.interop.oai.arguments import _PREFIX, _SET_SPEC, OaiError, UtcBound, parse_utc


@dataclass(frozen=True)
class Position:
    verb: str
    metadata_prefix: str
    set_spec: str | None
    from_: UtcBound | None
    until: UtcBound | None
    after: tuple[datetime, int] | None  # the last (updated_at, id) sent; None: the start
    cursor: int  # how many were sent before the next page


def token_encode(position: Position) -> str:
    payload = {
        "v": position.verb,
        "m": position.metadata_prefix,
        "s": position.set_spec,
        "f": position.from_.text if position.from_ else None,
        "u": position.until.text if position.until else None,
        "a": [position.after[0].isoformat(), position.after[1]],
        "c": position.cursor,
    }
    raw = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def token_decode(token: str, *, verb: str) -> Position:
    bad = OaiError("badResumptionToken", "The resumption token is not one this repository gave.")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        payload = json.loads(raw)
        moment, last_id = payload["a"]
        after = (datetime.fromisoformat(moment), last_id)
        position = Position(
            verb=payload["v"],
            metadata_prefix=payload["m"],
            set_spec=payload["s"],
            from_=parse_utc(payload["f"]) if payload["f"] is not None else None,
            until=parse_utc(payload["u"]) if payload["u"] is not None else None,
            after=after,
            cursor=payload["c"],
        )
    except (ValueError, TypeError, KeyError, binascii.Error, OaiError, RecursionError):
        raise bad from None
    checks = (
        position.verb == verb,
        isinstance(position.metadata_prefix, str) and _PREFIX.fullmatch(position.metadata_prefix),
        position.set_spec is None
        or (isinstance(position.set_spec, str) and _SET_SPEC.fullmatch(position.set_spec)),
        after[0].tzinfo is not None,
        type(last_id) is int and 0 < last_id < 2**63,
        type(position.cursor) is int and 0 < position.cursor < 2**63,
    )
    if not all(checks):
        raise bad
    return position
