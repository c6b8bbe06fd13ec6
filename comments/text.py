"""Normalising and validating a comment body (the 250-character rule)."""

from __future__ import annotations

import unicodedata

from config.errors import DomainError

_ALLOWED_CONTROLS = {"\n", "\t"}


def _unify(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _bad_character(ch: str) -> bool:
    if ch in _ALLOWED_CONTROLS:
        return False
    category = unicodedata.category(ch)
    # Cc: C0/C1 controls and DEL; Cs: lone surrogates (cannot be stored);
    # Co/Cn: private-use and unassigned code points.
    return category in {"Cc", "Cs", "Co", "Cn"}


def clean_text(raw: object, *, max_length: int, field: str = "body", allow_empty=False) -> str:
    """Return the normalised text or raise a DomainError with a stable code."""
    if not isinstance(raw, str):
        raise DomainError(
            "validation_error", "The request is not valid.", fields={field: ["Must be a string."]}
        )
    unified = _unify(raw)
    if any(_bad_character(ch) for ch in unified):
        raise DomainError(
            "invalid_characters",
            "The text contains control or invalid characters.",
            fields={field: ["Control characters other than newline and tab are not allowed."]},
        )
    text = unified.strip()
    if not text and not allow_empty:
        raise DomainError("empty", "Write something first.", fields={field: ["May not be empty."]})
    if len(text) > max_length:
        raise DomainError(
            "too_long",
            f"Comments are limited to {max_length} characters; this one has {len(text)}.",
            fields={field: [f"At most {max_length} characters."]},
            extra={"max_length": max_length, "length": len(text)},
        )
    return text
