"""User errors of the graph commands: each is one stderr line and exit status 2, never a traceback.

Each test runs ``dkg.cli.main`` in a scratch folder holding ``good.ttl`` (the seed's graph).
"""

from __future__ import annotations

import shutil

import pytest
from graph_seed import SEED_TEXT
from rdflib import Dataset, Graph

from dkg.cli import main
from extract.model import Directive, Section
from graph.build import build_graph
from graph.export import export_graph
from graph.store import save_graph

#: the first bytes of a PNG: a binary file no RDF parser reads
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xf0\x9f\x00\xff" * 8


@pytest.fixture(scope="module")
def seed_graph(seed_directive) -> Graph:
    return build_graph([seed_directive])


@pytest.fixture(scope="module")
def seed_turtle(seed_graph, tmp_path_factory) -> bytes:
    return save_graph(seed_graph, tmp_path_factory.mktemp("seed") / "good.ttl").read_bytes()


@pytest.fixture
def work(seed_turtle, tmp_path, monkeypatch):
    """A scratch folder (the current directory) with good.ttl and a binary some-binary.txt."""
    (tmp_path / "good.ttl").write_bytes(seed_turtle)
    (tmp_path / "some-binary.txt").write_bytes(BINARY)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def one_error_line(capsys, command: str) -> str:
    """The single stderr line of a failed command, without its ``dkg CMD: error: `` prefix."""
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    prefix = f"dkg {command}: error: "
    assert err.startswith(prefix), err
    return err[len(prefix):].rstrip("\n")


@pytest.mark.parametrize("argv", [["query", "ASK { ?s ?p ?o }"], ["validate"], ["matrix"], ["export"],
                                  ["units"], ["network"]])
def test_a_binary_graph_file_is_one_line(work, capsys, argv) -> None:
    assert main([*argv, "--graph", "some-binary.txt"]) == 2
    line = one_error_line(capsys, argv[0])
    assert line.startswith("some-binary.txt: not a readable RDF graph (turtle: not UTF-8 text")


def test_broken_turtle_folder_and_oxigraph_are_one_line(work, capsys) -> None:
    (work / "broken.ttl").write_text("@prefix dkg: <https://w3id.org/directive-kg/ontology#> .\n<a> dkg:x", "utf-8")
    assert main(["query", "ASK { ?s ?p ?o }", "--graph", "broken.ttl"]) == 2
    assert one_error_line(capsys, "query").startswith("broken.ttl: not a readable RDF graph (turtle: ")
    (work / "folder.ttl").mkdir()
    assert main(["validate", "--graph", "folder.ttl"]) == 2
    assert one_error_line(capsys, "validate") == "folder.ttl: not a readable RDF graph (a folder, not a file)"
    assert main(["query", "ASK { ?s ?p ?o }", "--store", "oxigraph", "--graph", "some-binary.txt"]) == 2
    assert one_error_line(capsys, "query").startswith("some-binary.txt: not a readable RDF graph (turtle: ")
    assert main(["matrix", "broken.ttl"]) == 2  # an RDF file given as PATH
    assert one_error_line(capsys, "matrix").startswith("broken.ttl: not a readable RDF graph (turtle: ")


@pytest.mark.parametrize("name", ["out.jsonld", "out.json", "out.nt", "out.nq", "out.trig", "out.rdf-turtle"])
def test_graph_files_are_read_by_suffix(work, seed_graph, capsys, name) -> None:
    if name.endswith((".nq", ".trig")):
        dataset = Dataset()
        named = dataset.graph("https://example.org/g")
        for triple in seed_graph:
            named.add(triple)
        dataset.serialize(work / name, format="nquads" if name.endswith(".nq") else "trig")
    else:
        fmt = {"out.jsonld": "json-ld", "out.json": "json-ld", "out.nt": "nt"}.get(name, "turtle")
        export_graph(seed_graph, fmt, work / name)
    assert main(["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", name, "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["n", str(len(seed_graph))]


@pytest.mark.parametrize("argv", [["build", "seed.txt"], ["matrix", "--graph", "good.ttl"],
                                  ["network", "--graph", "good.ttl"], ["export", "--graph", "good.ttl"]])
def test_output_that_is_a_folder_is_one_line_and_nothing_is_written(work, capsys, argv) -> None:
    shutil.copy(SEED_TEXT, work / "seed.txt")
    out = work / "out"
    out.mkdir()
    (out / "keep.ttl").write_text("kept", encoding="utf-8")
    assert main([*argv, "-o", "out"]) == 2
    assert one_error_line(capsys, argv[0]) == "out: is a folder; give a file name"
    assert [p.name for p in out.iterdir()] == ["keep.ttl"] and (out / "keep.ttl").read_text("utf-8") == "kept"
    assert sorted(p.name for p in work.iterdir()) == ["good.ttl", "out", "seed.txt", "some-binary.txt"]


@pytest.mark.parametrize("argv", [["build", "seed.txt"], ["matrix", "--graph", "good.ttl"],
                                  ["network", "--graph", "good.ttl"], ["export", "--graph", "good.ttl"]])
def test_output_below_a_file_is_one_line(work, capsys, argv) -> None:
    shutil.copy(SEED_TEXT, work / "seed.txt")
    suffix = {"matrix": ".csv", "network": ".graphml"}.get(argv[0], ".ttl")
    assert main([*argv, "-o", f"good.ttl/sub/x{suffix}"]) == 2
    line = one_error_line(capsys, argv[0])
    assert line == f"good.ttl/sub/x{suffix}: cannot write there: good.ttl is a file, not a folder"


def test_a_failing_write_is_one_line(work, capsys, monkeypatch) -> None:
    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("dkg.commands.export.export_graph", full)
    assert main(["export", "--graph", "good.ttl", "-o", "x.ttl"]) == 2
    assert one_error_line(capsys, "export") == "x.ttl: cannot write it (No space left on device)"


def no_task_graph(path) -> None:
    """Save the graph of a directive with one numbered item and no task."""
    text = "关于测试的通知\n一、总体要求\n认真做好工作。\n"
    directive = Directive(id="no-tasks", source="no-tasks.txt", text=text,
                          sections=[Section(number="一", marker="一、", title="总体要求", kind="general",
                                            char_start=8, char_end=len(text))])
    save_graph(build_graph([directive]), path)


def test_network_without_tasks_is_one_line(work, capsys) -> None:
    no_task_graph(work / "no-tasks.ttl")
    (work / "empty.ttl").write_text("", encoding="utf-8")
    for name in ("no-tasks.ttl", "empty.ttl"):
        assert main(["network", "--graph", name]) == 2
        assert one_error_line(capsys, "network") == "no tasks in the graph: there is no task-unit network to show"
        assert main(["network", "--graph", name, "-o", "n.graphml"]) == 2
        assert one_error_line(capsys, "network").startswith("no tasks")
    assert not (work / "n.graphml").exists()


def test_network_refuses_unknown_suffix_and_top_below_one(work, capsys) -> None:
    assert main(["network", "--graph", "good.ttl", "-o", "n.xyz"]) == 2
    assert one_error_line(capsys, "network") == ("n.xyz: cannot tell the format from the suffix (.graphml .gexf); "
                                                 "pass --format")
    assert not (work / "n.xyz").exists()
    assert main(["network", "--graph", "good.ttl", "--top", "0"]) == 2
    assert one_error_line(capsys, "network") == "--top must be at least 1"
    assert capsys.readouterr().out == ""
    assert main(["network", "--graph", "good.ttl", "-o", "n.xyz", "--format", "gexf"]) == 0
    assert (work / "n.xyz").read_bytes().startswith(b"<?xml") and b"<gexf" in (work / "n.xyz").read_bytes()


OLD_WORD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64
NO_NUMBERS = "关于做好工作的说明\n这段文字没有编号，也没有任务表。\n"


def test_build_reports_old_doc_and_unnumbered_files_in_a_folder(work, capsys) -> None:
    folder = work / "mixed"
    folder.mkdir()
    shutil.copy(SEED_TEXT, folder / "seed.txt")
    (folder / "old.doc").write_bytes(OLD_WORD)
    (folder / "nonumbers.txt").write_text(NO_NUMBERS, encoding="utf-8")
    assert main(["build", "mixed", "-o", "mixed.ttl"]) == 0
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("dkg build: skipped mixed/nonumbers.txt: no numbered items")
    assert lines[1].startswith("dkg build: skipped mixed/old.doc: old Word .doc") and "convert it to .docx" in lines[1]
    assert "1 directives, 16 tasks" in captured.out


def test_build_never_replaces_a_graph_with_an_empty_one(work, capsys) -> None:
    before = (work / "good.ttl").read_bytes()
    (work / "nonumbers.txt").write_text(NO_NUMBERS, encoding="utf-8")
    (work / "heading-only.txt").write_text("关于做好工作的通知\n\n一、总体要求\n认真做好工作。\n", encoding="utf-8")
    (work / "old.doc").write_bytes(OLD_WORD)
    (work / "notes.xyz").write_text("一、x\n", encoding="utf-8")
    assert main(["build", "nonumbers.txt", "-o", "good.ttl"]) == 2
    assert one_error_line(capsys, "build").startswith("nonumbers.txt: no numbered items")
    assert main(["build", "heading-only.txt", "-o", "good.ttl"]) == 2
    assert one_error_line(capsys, "build") == ("nothing to build: no task found in heading-only.txt; "
                                               "good.ttl was not written")
    assert main(["build", "old.doc", "-o", "good.ttl"]) == 2  # named explicitly: extract_path's own message
    assert "convert it to .docx" in one_error_line(capsys, "build")
    assert main(["build", "notes.xyz", "-o", "good.ttl"]) == 2
    assert "unsupported file type '.xyz'" in one_error_line(capsys, "build")
    assert (work / "good.ttl").read_bytes() == before


def test_matrix_of_an_old_doc_gives_the_convert_hint(work, capsys) -> None:
    (work / "old.doc").write_bytes(OLD_WORD)
    assert main(["matrix", "old.doc"]) == 2
    line = one_error_line(capsys, "matrix")
    assert line.startswith("old.doc: old Word .doc format is not supported; convert it to .docx")


def test_validate_refuses_an_empty_graph(work, capsys) -> None:
    (work / "empty.ttl").write_text("@prefix dkg: <https://w3id.org/directive-kg/ontology#> .\n", encoding="utf-8")
    assert main(["validate", "--graph", "empty.ttl"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "dkg validate: graph is empty: empty.ttl holds no triple\n" and captured.out == ""


def test_empty_question_is_one_line_on_stderr(work, capsys) -> None:
    for question in ("", "   "):
        assert main(["ask", question, "--graph", "good.ttl"]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == 'dkg ask: error: empty question; ask e.g. "who leads task 6 of weihai-2018-39?"\n'
    assert main(["ask", "", "--graph", "missing.ttl"]) == 2  # checked before any graph is read
    assert one_error_line(capsys, "ask").startswith("empty question")
