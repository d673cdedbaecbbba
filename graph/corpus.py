"""Load "the graph the user means": a built Turtle file, or the corpus extracted on the fly.

Shared by the CLI commands and the explorer:
- ``load_corpus_graph(paths)`` extracts every supported file under ``paths`` and builds one
  graph, skipping (and reporting) files the extractor refuses with ``DirectiveError``;
- ``default_graph(graph_path)`` loads ``graph_path`` when given, else ``build/corpus.ttl`` when
  it is newer than every file of ``corpus/``, else builds ``corpus/`` in memory;
- ``read_graph(path)`` loads one RDF file (format from its suffix), any failure a one-line
  ``DirectiveError``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from extract.errors import DirectiveError
from extract.model import Directive
from extract.pipeline import SUPPORTED_SUFFIXES, extract_path
from graph.build import build_graph
from graph.store import load_graph, open_graph, read_format

DEFAULT_CORPUS = Path("corpus")
DEFAULT_GRAPH = Path("build") / "corpus.ttl"
#: suffixes picked up in folders: the supported ones, plus old Word files so that they are
#: reported (``extract_path`` tells the user to convert them to .docx) rather than silently ignored
FOLDER_SUFFIXES = (*SUPPORTED_SUFFIXES, ".doc")


def corpus_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[DirectiveError]]:
    """Expand ``paths`` (files and folders, folders searched recursively) into files to extract.

    Every file named explicitly is kept, whatever its type (``extract_path`` then says what is
    wrong with it, e.g. "convert it to .docx" for an old ``.doc``); in folders, only files with a
    ``FOLDER_SUFFIXES`` suffix are kept, hidden files ignored.

    Returns:
        (files in a stable sorted order per folder, one ``DirectiveError`` per missing path).
    """
    found: list[Path] = []
    refused: list[DirectiveError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES and not p.name.startswith(".")
            )
        elif path.is_file():
            found.append(path)
        else:
            refused.append(DirectiveError(str(path), "no such file or folder"))
    return list(dict.fromkeys(found)), refused


def extract_all(paths: Iterable[str | Path]) -> tuple[list[Directive], list[DirectiveError]]:
    """Extract every supported file under ``paths``; return (directives, skipped files' errors)."""
    files, skipped = corpus_files(paths)
    directives: list[Directive] = []
    for path in files:
        try:
            directives.append(extract_path(path))
        except DirectiveError as err:
            skipped.append(err)
    return directives, skipped


def load_corpus_graph(
    paths: Iterable[str | Path], store: str = "memory"
) -> tuple[Graph, list[Directive], list[DirectiveError]]:
    """Extract ``paths`` and build their graph on ``store``; return (graph, directives, skipped)."""
    directives, skipped = extract_all(paths)
    return build_graph(directives, open_graph(store)), directives, skipped


def read_graph(path: str | Path, store: str = "memory") -> Graph:
    """Load the RDF file ``path``, read as its suffix says (``.ttl .nt .jsonld .json .nq .trig``;
    anything else as Turtle), onto ``store``.

    Raises:
        DirectiveError: ``"PATH: no such graph file"`` when it is missing, else ``"PATH: not a
            readable RDF graph (FORMAT: reason)"`` for a folder, an unreadable file, a file that
            is not UTF-8 or whose syntax the parser rejects.
    """
    fmt = read_format(path)
    try:
        return load_graph(path, store=store, fmt=fmt)
    except FileNotFoundError:
        if Path(path).is_dir():
            raise DirectiveError(str(path), "not a readable RDF graph (a folder, not a file)") from None
        raise DirectiveError(str(path), "no such graph file") from None
    except Exception as err:  # noqa: BLE001 (rdflib and pyoxigraph raise many types for bad input)
        raise DirectiveError(str(path), f"not a readable RDF graph ({fmt}: {_reason(err)})") from None


def _reason(err: Exception) -> str:
    """One short line saying why a parser refused a file."""
    if isinstance(err, UnicodeDecodeError):
        return f"not UTF-8 text: byte 0x{err.object[err.start]:02x} at offset {err.start}"
    if isinstance(err, OSError):
        return err.strerror or type(err).__name__
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 120 else text[:117] + "…"


def _is_fresh(graph_file: Path, corpus: Path) -> bool:
    if not graph_file.is_file():
        return False
    built = graph_file.stat().st_mtime
    files, _ = corpus_files([corpus]) if corpus.is_dir() else ([], [])
    return all(f.stat().st_mtime <= built for f in files)


def default_graph(graph_path: str | Path | None = None, store: str = "memory") -> Graph:
    """The graph a command works on when the user names none.

    Args:
        graph_path: an RDF file to load (``read_graph``); when None, ``build/corpus.ttl`` if it is
            up to date with ``corpus/``, else ``corpus/`` extracted and built in memory.
        store: ``memory`` or ``oxigraph``.

    Raises:
        DirectiveError: ``graph_path`` is missing or not a readable RDF graph, or there is
            neither a built graph nor a ``corpus/`` folder.
    """
    if graph_path is not None:
        return read_graph(graph_path, store=store)
    if _is_fresh(DEFAULT_GRAPH, DEFAULT_CORPUS):
        return read_graph(DEFAULT_GRAPH, store=store)
    if not DEFAULT_CORPUS.is_dir():
        raise DirectiveError(str(DEFAULT_CORPUS), "no corpus folder and no built graph "
                             f"({DEFAULT_GRAPH}); pass --graph FILE or run dkg build")
    graph, _, _ = load_corpus_graph([DEFAULT_CORPUS], store=store)
    return graph
