"""Errors that reach the user as one clear line."""


class ClaimwatchError(Exception):
    """Base of every error claimwatch reports to the user."""


class InputError(ClaimwatchError):
    """An input that cannot be read or analysed: missing, empty, binary, undecodable, not English."""
