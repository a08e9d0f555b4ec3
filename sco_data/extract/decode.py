"""Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1251, or a reason."""

from __future__ import annotations

import codecs
import re

# Byte-order marks, checked longest first, and the codec each one announces.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters Windows-1251 text legitimately contains beyond ASCII and Cyrillic letters.
CP1251_PUNCTUATION = set("«»–—№“”„‘’…•·°±§©®™\u00a0")

# Control characters other than line breaks and tabs: text files have next to none.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Share of control characters above which a decoded file is treated as binary.
MAX_CONTROL_SHARE = 0.01


# UTF-16 without a byte-order mark is recognised from the first bytes: at least this share of
# the 2-byte units must have a zero on one side (ASCII and Cyrillic text is near 1.0).
UTF16_SAMPLE_BYTES = 4096
UTF16_ZERO_SHARE = 0.3


class DecodeError(ValueError):
    """Raised with a reason a person understands when bytes are not usable text."""


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (with or without BOM) or Windows-1251; refuse
    anything else."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise DecodeError(f"undecodable text: invalid {codec} at byte {error.start}") from None
            return _refuse_binary(text)
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise DecodeError("binary file (not text)")
        try:
            return _refuse_binary(data.decode(codec))
        except UnicodeDecodeError as error:
            raise DecodeError(f"undecodable text: invalid {codec} at byte {error.start}") from None
    try:
        return _refuse_binary(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        utf8_error = error
    text = _decode_cp1251(data)
    if text is None:
        raise DecodeError(
            f"undecodable text: not UTF-8 (invalid byte at {utf8_error.start}) and not Windows-1251"
        )
    return _refuse_binary(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: text in Latin or Cyrillic letters has a zero in
    (nearly) every other byte, on the same side; a binary file has its zeros anywhere."""
    if len(data) % 2:
        return None
    sample = data[:UTF16_SAMPLE_BYTES]
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd_zeros >= UTF16_ZERO_SHARE * pairs and even_zeros == 0:
        return "utf-16-le"
    if even_zeros >= UTF16_ZERO_SHARE * pairs and odd_zeros == 0:
        return "utf-16-be"
    return None


def _decode_cp1251(data: bytes) -> str | None:
    """Windows-1251 only when the result reads as Russian: Cyrillic words, never mixed into Latin ones."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    for char in set(text):
        if ord(char) < 128 or char in CP1251_PUNCTUATION:
            continue
        if not ("\u0400" <= char <= "\u04ff"):
            return None
    if re.search(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]", text):
        return None
    return text


def _refuse_binary(text: str) -> str:
    controls = len(CONTROL_CHARACTERS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise DecodeError("binary file (not text)")
    return text
