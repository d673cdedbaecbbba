"""Load "the graph the user means": a built Turtle file, or the corpus extracted on the fly.

Shared by the CLI commands and the explorer:
- ``load_corpus_graph(paths)`` extracts every supported file under ``paths`` and builds one
  graph, skipping (and reporting) files the extractor refuses with ``DirectiveError``;
- ``default_graph(graph_path)`` loads ``graph_path`` when given, else ``build/corpus.ttl`` when
  it is newer than every file of ``corpus/``, else builds ``corpus/`` in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from extract.errors import DirectiveError
from extract.model import Directive
from extract.pipeline import SUPPORTED_SUFFIXES, extract_path
from graph.build import build_graph
from graph.store import load_graph, open_graph

DEFAULT_CORPUS = Path("corpus")
DEFAULT_GRAPH = Path("build") / "corpus.ttl"


def corpus_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[DirectiveError]]:
    """Expand ``paths`` (files and folders, folders searched recursively) into supported files.

    Returns:
        (files in a stable sorted order per folder, one ``DirectiveError`` per path refused:
        missing, or a file whose type is not supported). Hidden files are ignored in folders.
    """
    found: list[Path] = []
    refused: list[DirectiveError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
            )
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(path)
            else:
                refused.append(DirectiveError(str(path), "unsupported file type; expected one of "
                                              + " ".join(SUPPORTED_SUFFIXES)))
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


def _is_fresh(graph_file: Path, corpus: Path) -> bool:
    if not graph_file.is_file():
        return False
    built = graph_file.stat().st_mtime
    files, _ = corpus_files([corpus]) if corpus.is_dir() else ([], [])
    return all(f.stat().st_mtime <= built for f in files)


def default_graph(graph_path: str | Path | None = None, store: str = "memory") -> Graph:
    """The graph a command works on when the user names none.

    Args:
        graph_path: a Turtle file to load; when None, ``build/corpus.ttl`` if it is up to date
            with ``corpus/``, else ``corpus/`` extracted and built in memory.
        store: ``memory`` or ``oxigraph``.

    Raises:
        DirectiveError: ``graph_path`` does not exist, or there is neither a built graph nor a
            ``corpus/`` folder.
    """
    if graph_path is not None:
        try:
            return load_graph(graph_path, store=store)
        except FileNotFoundError:
            raise DirectiveError(str(graph_path), "no such graph file") from None
    if _is_fresh(DEFAULT_GRAPH, DEFAULT_CORPUS):
        return load_graph(DEFAULT_GRAPH, store=store)
    if not DEFAULT_CORPUS.is_dir():
        raise DirectiveError(str(DEFAULT_CORPUS), "no corpus folder and no built graph "
                             f"({DEFAULT_GRAPH}); pass --graph FILE or run dkg build")
    graph, _, _ = load_corpus_graph([DEFAULT_CORPUS], store=store)
    return graph
