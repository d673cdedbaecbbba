"""The graph commands of the CLI: dkg build, query, validate, export (run in a scratch folder)."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from graph_seed import CIVIL_AFFAIRS_LEADS, SEED_TEXT
from rdflib import Graph

from dkg.cli import main

LEADS_QUERY = """SELECT ?number WHERE {
    ?a dkg:asWritten "市民政局" ; dkg:role "lead" ; dkg:task ?t .
    ?t eli:number ?number ; dkg:order ?o } ORDER BY ?o"""


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder with corpus/ holding only the seed, and build/corpus.ttl built from it by dkg build."""
    root = tmp_path_factory.mktemp("cli")
    (root / "corpus").mkdir()
    shutil.copy(SEED_TEXT, root / "corpus" / SEED_TEXT.name)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        assert main(["build"]) == 0
    return root


@pytest.fixture
def in_workdir(workdir, monkeypatch):
    monkeypatch.chdir(workdir)
    return workdir


def test_build_writes_the_default_graph(in_workdir, capsys) -> None:
    out = in_workdir / "build" / "corpus.ttl"
    assert out.is_file()
    assert len(Graph().parse(out)) > 2000
    assert main(["build", "corpus", "-o", "other.ttl"]) == 0
    line = capsys.readouterr().out
    assert "other.ttl: 1 directives, 16 tasks" in line and "conforms" in line


def test_query_as_json(in_workdir, capsys) -> None:
    assert main(["query", LEADS_QUERY, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["number"] for r in rows] == CIVIL_AFFAIRS_LEADS


def test_query_as_csv_and_table(in_workdir, capsys) -> None:
    assert main(["query", LEADS_QUERY, "--format", "csv", "--graph", "build/corpus.ttl"]) == 0
    assert capsys.readouterr().out.splitlines() == ["number", *CIVIL_AFFAIRS_LEADS]
    assert main(["query", "ASK { ?t a dkg:Safeguard }"]) == 0
    assert "True" in capsys.readouterr().out


def test_query_refuses_updates(in_workdir, capsys) -> None:
    assert main(["query", "DROP ALL"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dkg query: error: DROP is not allowed") and err.count("\n") == 1


def test_validate(in_workdir, capsys) -> None:
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("conforms")


def test_validate_fails_on_a_broken_graph(in_workdir, capsys) -> None:
    broken = Graph().parse(in_workdir / "build" / "corpus.ttl")
    comparator = next(p for p in broken.predicates() if str(p).endswith("#comparator"))
    targets = len(set(broken.subjects(comparator, None)))
    broken.remove((None, comparator, None))  # every target loses its comparator
    broken.serialize(in_workdir / "broken.ttl", format="turtle")
    assert main(["validate", "--graph", "broken.ttl"]) == 1
    out = capsys.readouterr().out
    violations = int(re.search(r"does not conform: (\d+) violations", out).group(1))
    assert targets == 19 and violations >= targets


@pytest.mark.parametrize("fmt, name", [("turtle", "x.ttl"), ("json-ld", "x.jsonld"), ("nt", "x.nt")])
def test_export(in_workdir, capsys, fmt, name) -> None:
    assert main(["export", "--format", fmt, "-o", name]) == 0
    size = len(Graph().parse(in_workdir / "build" / "corpus.ttl"))
    assert len(Graph().parse(in_workdir / name, format=fmt)) == size
    assert f"{size} triples as {fmt}" in capsys.readouterr().out


def test_missing_graph_file_is_one_line(in_workdir, capsys) -> None:
    assert main(["query", "ASK {}", "--graph", "nope.ttl"]) == 2
    assert capsys.readouterr().err == "dkg query: error: nope.ttl: no such graph file\n"


def test_bad_input_never_overwrites_a_built_graph(in_workdir, capsys) -> None:
    built = (in_workdir / "build" / "corpus.ttl").read_bytes()
    (in_workdir / "empty.txt").write_text("  \n", encoding="utf-8")
    assert main(["build", "empty.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "empty.txt" in err and "empty" in err.split("empty.txt", 1)[1]
    assert main(["build", "missing.txt"]) == 2
    assert capsys.readouterr().err == "dkg build: error: missing.txt: no such file or folder\n"
    assert (in_workdir / "build" / "corpus.ttl").read_bytes() == built


def test_build_skips_bad_files_and_builds_the_rest(in_workdir, capsys) -> None:
    mixed = in_workdir / "mixed"
    mixed.mkdir(exist_ok=True)
    shutil.copy(SEED_TEXT, mixed / SEED_TEXT.name)
    (mixed / "empty.txt").write_text("", encoding="utf-8")
    (mixed / "notes.md").write_text("not a directive", encoding="utf-8")
    assert main(["build", "mixed", "-o", "mixed.ttl"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("dkg build: skipped ") and "empty.txt" in captured.err
    assert "notes.md" not in captured.err  # unsupported files in a folder are not candidates
    assert "1 directives, 16 tasks" in captured.out


def test_query_row_limit_and_time_budget(in_workdir, capsys) -> None:
    pairs = "SELECT ?a ?b WHERE { ?a a dkg:Task . ?b a dkg:Task }"  # 16 x 16 rows
    assert main(["query", pairs, "--limit", "255"]) == 2
    assert capsys.readouterr().err == ("dkg query: error: the answer has more than 255 rows; add LIMIT to the query "
                                       "or raise --limit\n")
    assert main(["query", pairs, "--limit", "256", "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1 + 256
    assert main(["query", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"]) == 2  # a cross join stops at the limit
    assert "more than 10,000 rows" in capsys.readouterr().err
    cross = "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f"  # every row is needed before the first
    assert main(["query", cross, "--timeout", "0.5"]) == 2
    err = capsys.readouterr().err
    assert err == "dkg query: error: the query ran longer than 0.5 s and was stopped; narrow its pattern or add LIMIT\n"
    assert main(["query", pairs, "--limit", "0"]) == 2
    assert capsys.readouterr().err == "dkg query: error: --limit must be at least 1\n"
