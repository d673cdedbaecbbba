"""Open, save and load RDF graphs, behind rdflib's ``Graph`` API.

The backing store is swappable: ``"memory"`` is rdflib's Memory store, ``"oxigraph"`` is the
``Oxigraph`` store plugin of ``oxrdflib`` (pyoxigraph; much faster on large corpora). Code
above this module only sees an ``rdflib.Graph``.

Saving is atomic: the graph is serialised to a temporary file in the target folder, flushed to
disk, then moved over the target with ``os.replace`` (atomic on POSIX and Windows), so a failed
or interrupted run never leaves a half-written file and never destroys a graph already there.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from rdflib import Dataset, Graph

from graph.namespaces import bind_prefixes

#: store name -> rdflib store plugin name
STORES: dict[str, str] = {"memory": "Memory", "oxigraph": "Oxigraph"}

#: our format names -> rdflib serializer/parser names
FORMATS: dict[str, str] = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld"}

#: file suffix -> the format a graph file of that suffix is read as (anything else: Turtle)
READ_SUFFIXES: dict[str, str] = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
                                 ".nq": "nquads", ".trig": "trig"}
#: formats that hold several named graphs; they are read as the union of their graphs
DATASET_FORMATS = ("nquads", "trig")


def open_graph(store: str = "memory") -> Graph:
    """Return an empty graph on ``store`` (``"memory"`` or ``"oxigraph"``), prefixes bound.

    Raises:
        ValueError: an unknown store name.
    """
    try:
        plugin = STORES[store]
    except KeyError:
        raise ValueError(f"unknown store {store!r}; choose one of {', '.join(STORES)}") from None
    return bind_prefixes(Graph(store=plugin))


def read_format(path: str | Path) -> str:
    """The format a graph file is read as, from its suffix (``READ_SUFFIXES``); Turtle otherwise."""
    return READ_SUFFIXES.get(Path(path).suffix.lower(), "turtle")


def load_graph(path: str | Path, store: str = "memory", fmt: str | None = None) -> Graph:
    """Parse the RDF file ``path`` into a new graph on ``store``.

    Args:
        path: the file.
        store: ``memory`` or ``oxigraph``.
        fmt: ``turtle``, ``nt``, ``json-ld``, ``nquads`` or ``trig``; default from the suffix
            (``read_format``). N-Quads and TriG are read as the union of their named graphs.

    Raises:
        FileNotFoundError: ``path`` does not exist.
        ValueError: unknown store or format.
        Exception: whatever the parser raises for a file that is not valid RDF of ``fmt``
            (``UnicodeDecodeError``, ``SyntaxError``, ``json.JSONDecodeError`` …);
            ``graph.corpus.read_graph`` turns these into one-line user errors.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such graph file")
    fmt = fmt or read_format(path)
    graph = open_graph(store)
    if fmt in DATASET_FORMATS:
        dataset = Dataset()
        dataset.parse(str(path), format=fmt)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        return bind_prefixes(graph)
    rdflib_format = _format(fmt)
    if store == "oxigraph" and fmt in ("turtle", "nt"):
        rdflib_format = f"ox-{rdflib_format}"  # oxrdflib's bulk parser, far faster than rdflib's
    graph.parse(str(path), format=rdflib_format)
    return bind_prefixes(graph)


def atomic_write(path: str | Path, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(stream)`` on a temporary file beside ``path``, then move it onto ``path``.

    If ``write`` raises, the temporary file is removed, the exception propagates and ``path``
    is left exactly as it was. Parent folders are created. Returns ``path``.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _file_mode(path: Path) -> int:
    """The mode the written file gets: the replaced file's, else the default for new files (umask)."""
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def save_graph(graph: Graph, path: str | Path, fmt: str = "turtle", **options: object) -> Path:
    """Serialise ``graph`` to ``path`` atomically (see ``atomic_write``); return ``path``.

    Args:
        graph: any rdflib graph.
        path: the output file.
        fmt: ``turtle``, ``nt`` or ``json-ld``.
        options: passed to ``Graph.serialize`` (e.g. ``context`` for JSON-LD).
    """
    rdflib_format = _format(fmt)

    def write(stream: BinaryIO) -> None:
        graph.serialize(destination=stream, format=rdflib_format, encoding="utf-8", **options)

    return atomic_write(path, write)


def _format(fmt: str) -> str:
    try:
        return FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown RDF format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
