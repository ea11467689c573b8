"""Keyed pseudonyms (HMAC-SHA256) for employee ids in shared output (DESIGN §5)."""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from .exceptions import PseudonymKeyError

ENV_KEY = "PAYEQUITY_PSEUDONYM_KEY"


def pseudonym(identifier: str, key: str) -> str:
    """Return the 12-hex-digit keyed pseudonym of ``identifier``.

    Examples
    --------
    >>> pseudonym("100001", "secret")
    'dd066b85f7da'
    """
    return hmac.new(key.strip().encode(), str(identifier).encode(), hashlib.sha256).hexdigest()[:12]


def read_key(key_file: str | Path | None = None, *, purpose: str = "pseudonymise ids") -> str:
    """Return the pseudonym key from ``key_file`` or the environment, or raise with the fix."""
    if key_file is not None:
        path = Path(key_file)
        try:
            key = path.read_text(encoding="utf-8").strip()
        except OSError:
            raise PseudonymKeyError(
                f"{path}: pseudonym key file not readable; create it with a secret line "
                "or fix privacy.key_file"
            ) from None
        if not key:
            raise PseudonymKeyError(f"{path}: pseudonym key file is empty; put a secret line in it")
        return key
    key = os.environ.get(ENV_KEY, "").strip()
    if not key:
        raise PseudonymKeyError(
            f"a pseudonym key is needed to {purpose}; set privacy.key_file in survey.toml "
            f"or the environment variable {ENV_KEY}"
        )
    return key
