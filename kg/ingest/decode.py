"""Read a file's bytes as text: UTF-8 (with or without BOM), else cp1252 with a warning."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path


class UnreadableFile(Exception):
    """A file that cannot be read as text; the message says why."""


@dataclass(frozen=True)
class DecodedText:
    """A file's text and what had to be assumed to read it."""

    text: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, origin: str) -> DecodedText:
    """Text of ``data``; raises :class:`UnreadableFile` for binary or empty input."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return DecodedText(data.decode("utf-16"))
        except UnicodeDecodeError as error:
            raise UnreadableFile(f"has a UTF-16 mark but is not UTF-16 ({error.reason})") from None
    if b"\x00" in data[:8192]:
        raise UnreadableFile("is binary, not text")
    try:
        text = data.decode("utf-8-sig")
        warnings: tuple[str, ...] = ()
    except UnicodeDecodeError as error:
        text = data.decode("cp1252", errors="replace")
        warnings = (
            f"{origin}: not UTF-8 (byte {data[error.start]:#04x} at offset {error.start});"
            " read as cp1252",
        )
    if not text.strip():
        raise UnreadableFile("is empty")
    return DecodedText(text.replace("\r\n", "\n").replace("\r", "\n"), warnings)


def read_text(path: Path) -> DecodedText:
    """Decoded text of the file at ``path``; raises :class:`UnreadableFile` with the reason."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except IsADirectoryError:
        raise UnreadableFile("is a folder, not a file") from None
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({error.strerror or error})") from None
    return decode_bytes(data, str(path))
