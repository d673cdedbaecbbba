"""Output files of the commands (``-o FILE``): checked before any work, written atomically.

``checked_output(FILE)`` refuses, as one-line ``UsageError``s, a FILE that is a folder, lies
under a regular file, or lies in a folder that cannot be written; ``write_output(FILE, save)``
checks it again and runs ``save(path)`` — an atomic writer (``graph.store.atomic_write``,
``save_graph``, ``export_graph``), so a failed write never leaves a partial file and never touches
the file already there — turning any ``OSError`` into a ``UsageError``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from dkg.cli import UsageError


def checked_output(raw: str) -> Path:
    """``raw`` as a ``Path`` when a file can be written there.

    Raises:
        UsageError: ``raw`` is a folder, a path below a regular file, or in a folder that is not
            writable (the nearest existing folder is checked; missing folders are created later).
    """
    path = Path(raw)
    if path.is_dir():
        raise UsageError(f"{raw}: is a folder; give a file name")
    existing = path.parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"{raw}: cannot write there: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(f"{raw}: cannot write there: the folder {existing} is not writable")
    return path


def write_output(raw: str, save: Callable[[Path], object]) -> Path:
    """Check ``raw`` (``checked_output``), then call ``save(path)``; return the path.

    ``save`` must write atomically (see the module docstring).

    Raises:
        UsageError: the check fails, or ``save`` raises an ``OSError`` (disk full, permission
            denied, the path turned into a folder meanwhile …).
    """
    path = checked_output(raw)
    try:
        save(path)
    except OSError as err:
        raise UsageError(f"{raw}: cannot write it ({err.strerror or type(err).__name__})") from None
    return path
