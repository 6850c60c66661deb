"""The sandbox user templates run in: Jinja2's immutable sandbox, with numbers kept printable.

A template is code a blogger may have copied from anywhere. ``{{ (10**1000000)|filesizeformat }}``
or ``{{ 'x' * 10**9 }}`` would build a number too long to print (Python refuses integers of more
than 4,300 digits) or a gigabyte string. ``**`` and ``*`` are checked before they run, which
also stops Jinja2 from computing them while compiling the template (constant folding).
"""

from __future__ import annotations

import math
from typing import Any

import jinja2
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

#: About 4,300 decimal digits: the longest integer Python will turn into text.
MAX_INT_BITS = 14_284
#: Characters or items a ``*`` may repeat a string or list to.
MAX_REPEAT = 1_000_000


class NumberTooBigError(jinja2.TemplateRuntimeError):
    """A template computed a number or repetition far beyond what a post can show."""


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, refusing ``**`` and ``*`` whose result would be huge."""

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Check the size of the result before computing it."""
        if operator == "**":
            _check_power(left, right)
        else:
            _check_product(left, right)
        return super().call_binop(context, operator, left, right)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_power(base: Any, exponent: Any) -> None:
    if not (_whole(base) and _whole(exponent)) or exponent <= 1 or abs(base) <= 1:
        return
    if exponent * math.log2(abs(base)) > MAX_INT_BITS:
        raise NumberTooBigError(
            f"{base} ** {exponent} is too big a number (more than 4,300 digits)"
        )


def _check_product(left: Any, right: Any) -> None:
    if _whole(left) and _whole(right):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS + 1:
            raise NumberTooBigError("a multiplication gives too big a number (over 4,300 digits)")
        return
    for sequence, times in ((left, right), (right, left)):
        if (
            isinstance(sequence, str | list | tuple)
            and _whole(times)
            and len(sequence) * times > MAX_REPEAT
        ):
            raise NumberTooBigError(
                f"repeating {len(sequence):,} characters or items {times:,} times is too big "
                f"(at most {MAX_REPEAT:,})"
            )
