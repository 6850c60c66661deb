"""What can go wrong while looking a film up, said the way a blogger would understand it."""

from __future__ import annotations


class FilmDataError(Exception):
    """A look-up failed; the message is meant to be shown to the blogger as it is."""


class NoNetworkError(FilmDataError):
    """The source could not be reached at all."""


class TokenError(FilmDataError):
    """TMDB refused the token, or there is none."""


class RateLimitedError(FilmDataError):
    """The source asked us to slow down for longer than is worth waiting."""


class NothingFoundError(FilmDataError):
    """The source has no such film."""


class BrokenAnswerError(FilmDataError):
    """The source answered with something that is not what it documents."""


class CancelledError(FilmDataError):
    """The blogger cancelled the look-up; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("the look-up was cancelled; nothing was changed")
