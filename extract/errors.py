"""User-facing errors of the extraction pipeline."""

from __future__ import annotations


class DirectiveError(Exception):
    """A document that cannot be extracted, with the file and the problem.

    ``str(err)`` is one line, ``"PATH: problem"``, fit to show a user as is (the CLI prints it
    without a traceback and exits non-zero).
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
