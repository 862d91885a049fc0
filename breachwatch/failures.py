"""Say where a failed build went wrong: the template file and line, not just the message."""

from __future__ import annotations

from jinja2 import TemplateSyntaxError

TEMPLATE_SUFFIXES = (".html", ".xml", ".txt", ".j2")


class BuildError(RuntimeError):
    """The site could not be built; the previous output is untouched."""


def template_location(error: BaseException) -> str | None:
    """'<template>:<line>' of the innermost template an error passed through, if any."""
    if isinstance(error, TemplateSyntaxError):
        return f"{error.filename or error.name}:{error.lineno}"
    where = None
    trace = error.__traceback__
    while trace is not None:
        name = trace.tb_frame.f_code.co_filename
        if name.endswith(TEMPLATE_SUFFIXES):
            where = f"{name}:{trace.tb_lineno}"
        trace = trace.tb_next
    return where


def describe(error: BaseException) -> str:
    """The error message, led by the template location of its cause when there is one."""
    cause = error.__cause__ or error
    where = template_location(cause)
    return f"{where}: {error}" if where else str(error)
