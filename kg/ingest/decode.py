"""Read a file's bytes as text: UTF-8 where it is valid, cp1252 elsewhere, binary refused.

Decoding goes run by run: every stretch of bytes that is valid UTF-8 is read as
UTF-8 and every byte that is not is read as cp1252, so a file that mixes the two
(as FA-KES does: "Café" in UTF-8 beside "Café" in cp1252) reads right in both
parts.  The first cp1252 run is named with its line in a warning.

A file is refused as binary when

* a NUL byte occurs in its first 8 KiB, or
* more than 5% of its characters (and at least 8) are control characters
  (C0/C1 controls other than tab, newline, carriage return, form feed and
  vertical tab, or a U+FFFD for a byte cp1252 does not define), or
* more than 30% of its bytes (and at least 8) are not UTF-8.

Text has almost no control characters, and in a cp1252 file only accented
letters, quotes and dashes are not UTF-8 ("Le café a été détruit à Alep.": 17% of
its bytes); 20,000 random bytes have about 11% control characters and about 48%
of bytes that are not UTF-8.
Characters dropped or replaced in a file that is kept (NULs and other control
characters, bytes cp1252 does not define) are counted in a warning naming the
line of the first one.
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

BINARY_PREFIX = 8192  # a NUL in the first 8 KiB: binary (as git and grep decide)
MAX_CONTROL_SHARE = 0.05
MAX_NON_UTF8_SHARE = 0.30
MIN_EVIDENCE = 8  # fewer odd characters than this never make a file binary
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_DROPPED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class UnreadableFile(Exception):
    """A file that cannot be read as text; the message says why."""


@dataclass(frozen=True)
class DecodedText:
    """A file's text and what had to be assumed to read it."""

    text: str
    warnings: tuple[str, ...] = ()


@dataclass
class _Runs:
    """Where the cp1252 runs of one decoding are (byte offsets) and how many bytes they hold."""

    first: int = -1
    count: int = 0
    non_utf8_bytes: int = 0
    undefined: int = 0


_STATE = threading.local()


def _cp1252_run(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 rejects, read as cp1252 (U+FFFD where undefined)."""
    assert isinstance(error, UnicodeDecodeError)
    runs: _Runs = _STATE.runs
    if runs.first < 0:
        runs.first = error.start
    runs.count += 1
    bad = error.object[error.start : error.end]
    runs.non_utf8_bytes += len(bad)
    text = bytes(bad).decode("cp1252", errors="replace")
    runs.undefined += text.count("\ufffd")
    return text, error.end


codecs.register_error("newskg-cp1252-runs", _cp1252_run)


def _cp1252_stream(error: UnicodeError) -> tuple[str, int]:
    """The same reading for a streamed table, which counts nothing (``table_encoding`` did)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = bytes(error.object[error.start : error.end])
    return bad.decode("cp1252", errors="replace"), error.end


CP1252_RUNS = "newskg-cp1252-stream"  # errors= for text streams: cp1252 where not UTF-8
codecs.register_error(CP1252_RUNS, _cp1252_stream)


def decode_runs(data: bytes) -> tuple[str, _Runs]:
    """``data`` read as UTF-8 where valid and as cp1252 elsewhere, and where cp1252 was used."""
    _STATE.runs = runs = _Runs()
    try:
        text = data.decode("utf-8-sig", errors="newskg-cp1252-runs")
    finally:
        del _STATE.runs
    return text, runs


def _line_of(data: bytes | str, offset: int) -> int:
    """The 1-based line of ``offset`` in ``data``."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data.count(newline, 0, offset) + 1  # type: ignore[arg-type]


def _refuse_binary(data: bytes, text: str, runs: _Runs) -> None:
    """Raise :class:`UnreadableFile` when ``data`` is binary by the module's rule."""
    if b"\x00" in data[:BINARY_PREFIX]:
        raise UnreadableFile("is binary, not text (a NUL byte in its first 8 KiB)")
    controls = len(_CONTROLS.findall(text))
    if controls >= MIN_EVIDENCE and controls > MAX_CONTROL_SHARE * len(text):
        raise UnreadableFile(
            f"is binary, not text ({controls / len(text):.0%} of its characters are control"
            " characters)"
        )
    odd = runs.non_utf8_bytes
    if odd >= MIN_EVIDENCE and odd > MAX_NON_UTF8_SHARE * len(data):
        raise UnreadableFile(
            f"is binary, or text in an encoding other than UTF-8 or cp1252"
            f" ({odd / len(data):.0%} of its bytes are not UTF-8)"
        )


def _drop_controls(text: str, origin: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without control characters, and a warning naming the line of the first."""
    first = _DROPPED.search(text)
    if first is None:
        return text, ()
    kept, dropped = _DROPPED.subn("", text)
    shown = f"U+{ord(first.group()):04X}" + (" (NUL)" if first.group() == "\x00" else "")
    return kept, (
        f"{origin}:{_line_of(text, first.start())}: {dropped} control character(s) dropped,"
        f" the first a {shown}",
    )


def decode_bytes(data: bytes, origin: str) -> DecodedText:
    """Text of ``data``; raises :class:`UnreadableFile` for binary or empty input."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UnreadableFile(f"has a UTF-16 mark but is not UTF-16 ({error.reason})") from None
        runs = _Runs()
    else:
        text, runs = decode_runs(data)
        _refuse_binary(data, text, runs)
    warnings: list[str] = []
    if runs.count:
        warnings.append(
            f"{origin}:{_line_of(data, runs.first)}: not UTF-8 from byte {data[runs.first]:#04x}"
            f" (offset {runs.first}); {runs.count} run(s), {runs.non_utf8_bytes} byte(s),"
            " read as cp1252, the rest as UTF-8"
        )
    if runs.undefined:
        at = text.index("\ufffd")
        warnings.append(
            f"{origin}:{_line_of(text, at)}: {runs.undefined} byte(s) that cp1252 does not"
            " define replaced by U+FFFD"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, dropped = _drop_controls(text, origin)
    if not text.strip():
        raise UnreadableFile("is empty")
    return DecodedText(text, (*warnings, *dropped))


def open_bytes(path: Path) -> BinaryIO:
    """The file at ``path`` opened for reading bytes; raises :class:`UnreadableFile` with why."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except IsADirectoryError:
        raise UnreadableFile("is a folder, not a file") from None
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({error.strerror or error})") from None


def read_text(path: Path) -> DecodedText:
    """Decoded text of the file at ``path``; raises :class:`UnreadableFile` with the reason."""
    with open_bytes(path) as handle:
        try:
            data = handle.read()
        except OSError as error:
            raise UnreadableFile(f"cannot be read ({error.strerror or error})") from None
    return decode_bytes(data, str(path))
