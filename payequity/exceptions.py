"""Errors and warnings raised by payequity.

Every error a user can cause derives from :class:`PayEquityError`; errors about bad values also
derive from :class:`ValueError` so that ``except ValueError`` keeps working. The CLI turns any
``PayEquityError`` into a one-line message and exit code 1.
"""

from __future__ import annotations


class PayEquityError(Exception):
    """Base class of every error payequity raises on purpose."""


class ConfigError(PayEquityError, ValueError):
    """A survey.toml key is unknown, of the wrong type, or missing."""


class DataFileError(PayEquityError, ValueError):
    """A data file cannot be read as a whole (missing, unreadable, wrong format)."""


class SchemaError(PayEquityError, ValueError):
    """A required column is missing or a mapping names a column the file does not have."""


class PseudonymKeyError(PayEquityError, ValueError):
    """Pseudonymised output was asked for but no key was given."""


class InsufficientDataError(PayEquityError, ValueError):
    """Too few rows to compute what was asked."""


class ParameterError(PayEquityError, ValueError):
    """A function was called with an argument it cannot take; the message names the argument
    and the values it accepts."""


class ParameterTypeError(ParameterError, TypeError):
    """An argument of the wrong type, or one the function does not have (also a ``TypeError``)."""


class ParameterKeyError(ParameterError, KeyError):
    """A look-up by name matched no row or several (also a ``KeyError``)."""

    def __str__(self) -> str:  # the message itself, not KeyError's repr of it
        return Exception.__str__(self)


class PayEquityWarning(UserWarning):
    """Base class of payequity's warnings."""
