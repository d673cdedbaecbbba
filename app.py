"""Streamlit explorer of the directive knowledge graph: a thin screen over ``graph/``.

Run with ``streamlit run app.py`` (``make run``). The graph is built once per server and cached
(``st.cache_resource``): the file named by the ``DKG_GRAPH`` environment variable, else
``build/corpus.ttl`` when it is up to date with ``corpus/``, else ``corpus/`` extracted in memory
(``graph.corpus.default_graph``). Every table comes from a named query of ``graph/queries/`` or a
``graph/`` function; document text is HTML-escaped before it is shown as HTML, and user- or
document-derived text shown in Markdown elements (warnings, errors, headings) goes through
``plain`` so it is never read as Markdown (no live links, no images). Tables hide IRIs and show
missing values as an em dash.
"""

from __future__ import annotations

import io
import os
import re
from typing import Any

import pandas as pd
import streamlit as st
from rdflib import Graph, Literal, URIRef

from extract.errors import DirectiveError
from graph import ask as asking
from graph.ask_slots import unit_index
from graph.corpus import default_graph
from graph.export import EXPORT_FORMATS, serialize
from graph.matrix import FORMATS as MATRIX_FORMATS
from graph.matrix import matrix_bytes, responsibility_matrix
from graph.network import annotate, bipartite_graph, centrality_table, unit_projection, write_network
from graph.network_html import network_html
from graph.query import MAX_ROWS, TIME_BUDGET, QueryError, available_queries, load_query, run_named, run_query
from graph.sources import highlight_html, task_source
from graph.task_units import in_document_order

VIEWS = ["Overview", "Tasks", "Units", "Targets & deadlines", "Network", "Ask", "SPARQL", "Downloads"]
GRAPH_KEY = os.environ.get("DKG_GRAPH") or "default"
MIME = {"csv": "text/csv", "md": "text/markdown", "html": "text/html",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "turtle": "text/turtle", "json-ld": "application/ld+json", "nt": "application/n-triples"}


MISSING = "—"  # shown for a missing value in tables
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character


st.set_page_config(page_title="Directive knowledge graph", layout="wide")


def plain(text: object) -> str:
    """``text`` for a Markdown element (``st.warning``, ``st.error``, ``st.subheader`` …) shown as
    written: every ASCII punctuation character backslash-escaped (CommonMark 0.31, "Backslash
    escapes"), so ``[x](https://…)``, ``![]()``, ``*``, ``$`` or ``:red[…]`` stay literal text and
    a bare address is not linked; line breaks become spaces."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


@st.cache_resource(show_spinner="Building the knowledge graph …")
def get_graph(key: str) -> Graph:
    """The graph of ``key`` (a file path, or ``default``), built or loaded once per server.

    Raises:
        DirectiveError: the file is missing or not a readable RDF graph, or there is no corpus.
    """
    return default_graph(None if key == "default" else key)


try:
    GRAPH = get_graph(GRAPH_KEY)
except DirectiveError as err:
    st.error(plain(f"Cannot open the knowledge graph: {err}"))
    st.stop()


@st.cache_data(show_spinner=False)
def named(key: str, name: str, **bindings: str) -> pd.DataFrame:
    """Named query ``name`` on the graph of ``key``; ``bindings`` values: ``<iri>`` or plain strings."""
    terms = {k: URIRef(v[1:-1]) if v.startswith("<") and v.endswith(">") else Literal(v)
             for k, v in bindings.items()}
    return run_named(get_graph(key), name, **terms)


@st.cache_data(show_spinner=False)
def ordered(key: str, name: str, **bindings: str) -> pd.DataFrame:
    """``named(key, name, **bindings)`` with its ``leads``/``responsible`` unit lists in document order."""
    return in_document_order(get_graph(key), named(key, name, **bindings))


def show(frame: pd.DataFrame, columns: list[str] | None = None, **kwargs: Any) -> None:
    """A dataframe with only ``columns`` (those present), index hidden, missing values as ``MISSING``."""
    cols = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    st.dataframe(frame[cols], hide_index=True, width="stretch", placeholder=MISSING, **kwargs)


def is_iri_column(values: pd.Series) -> bool:
    """True when every present value of ``values`` is an IRI (``http://`` or ``https://``)."""
    present = values.dropna()
    return bool(len(present)) and all(isinstance(v, str) and v.startswith(("http://", "https://"))
                                      for v in present)


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without its IRI columns (task and unit identifiers): what a reader looks at."""
    return frame[[c for c in frame.columns if not is_iri_column(frame[c])]]


def overview() -> None:
    """Documents with their metadata and counts."""
    docs = named(GRAPH_KEY, "directives")
    units = named(GRAPH_KEY, "unit_workload")
    cells = st.columns(5)
    for cell, (label, value) in zip(cells, [("Documents", len(docs)), ("Tasks", int(docs["tasks"].sum())),
                                            ("Units named in tasks", len(units)),
                                            ("Targets", int(docs["targets"].sum())),
                                            ("Deadlines", int(docs["deadlines"].sum()))], strict=True):
        cell.metric(label, value)
    show(docs, ["document", "doc_number", "title", "issued", "issuers", "tasks", "safeguards", "units",
                "targets", "deadlines", "citations"])


def tasks_view() -> None:
    """Task table of one document and the selected task's source text with its clause."""
    docs = named(GRAPH_KEY, "directives")["document"].tolist()
    document = st.selectbox("Document", docs, key="task_doc")
    tasks = ordered(GRAPH_KEY, "document_tasks", document=document)
    show(tasks, ["number", "title", "kind", "leads", "responsible"])
    if tasks.empty:
        return
    labels = [f"{n}  {t}" for n, t in zip(tasks["number"], tasks["title"], strict=True)]
    # keyed per document: a new document starts on its first task, not on the old index
    choice = st.selectbox("Task", range(len(labels)), format_func=labels.__getitem__, key=f"task_pick_{document}")
    source = task_source(GRAPH, tasks["task"].iloc[choice])
    if source is not None:
        st.caption("Source text (the responsibility clause is highlighted)")
        st.markdown(f'<div style="white-space: pre-wrap">{highlight_html(source.text, source.clause)}</div>',
                    unsafe_allow_html=True)
    targets = named(GRAPH_KEY, "corpus_targets")
    mine = targets[(targets["document"] == document) & (targets["number"] == tasks["number"].iloc[choice])]
    if len(mine):
        st.caption(f"Targets of this task ({len(mine)})")
        show(mine, ["text", "comparator", "value", "low", "high", "measure", "per", "subject"])


def unit_label(match: dict[str, Any]) -> str:
    """``市民政局 — Weihai Municipal Civil Affairs Bureau (威海市)``."""
    extra = " ".join(f"({v})" if k == "place" else f"— {v}" for k, v in
                      (("name_en", match.get("name_en")), ("place", match.get("place"))) if v)
    return f"{match.get('name_zh')} {extra}".strip()


def units_view() -> None:
    """Search a unit in Chinese or English; its lead and responsible tasks."""
    query = st.text_input("Unit (中文 or English: 市民政局, civil affairs bureau, 人社局 …)", key="unit_query")
    if not query.strip():
        show(named(GRAPH_KEY, "unit_workload"), ["unit_zh", "unit_en", "place", "lead", "responsible", "total"])
        return
    found = unit_index(GRAPH).lookup(query)
    if not found.matches:
        st.warning(plain(f"No unit matches “{query}”. Closest names: {'、'.join(found.suggestions)}"))
        return
    if found.status == "ambiguous":
        st.info(plain(f"“{query}” fits several kinds of unit; pick one."))
    matches = [{"unit": m.id, "name_zh": m.name_zh, "name_en": m.name_en, "place": m.place} for m in found.matches]
    pick = st.selectbox("Matches", range(len(matches)), format_func=lambda i: unit_label(matches[i]),
                        key="unit_pick")
    unit = f"<{matches[pick]['unit']}>"
    leads = named(GRAPH_KEY, "unit_leads", unit=unit)
    resp = named(GRAPH_KEY, "unit_responsible", unit=unit)
    st.subheader(f"Leads {len(leads)} tasks")
    show(leads, ["document", "number", "title"])
    st.subheader(f"Responsible for {len(resp)} tasks")
    show(resp, ["document", "number", "title"])
    with st.expander("Works most often with"):
        show(named(GRAPH_KEY, "unit_partners", unit=unit), ["partner_zh", "partner_en", "shared", "documents"])
    with st.expander("Targets of its tasks"):
        show(named(GRAPH_KEY, "unit_targets", unit=unit), ["document", "number", "role", "text", "subject"])


def filtered_targets(targets: pd.DataFrame) -> pd.DataFrame:
    """``targets`` narrowed by the document, unit, comparator and year filters the user sets."""
    c1, c2, c3, c4 = st.columns(4)
    docs = c1.multiselect("Documents", sorted(targets["document"].unique()))
    units = sorted({u for cell in pd.concat([targets["leads"], targets["responsible"]]).dropna()
                    for u in str(cell).split("、") if u})
    unit = c2.selectbox("Unit", ["(any)", *units])
    comparators = c3.multiselect("Comparator", sorted(targets["comparator"].dropna().unique()))
    years = sorted({int(y) for y in pd.concat([targets["doc_year"], targets["due_year"]]).dropna()})
    year = c4.selectbox("Year (issued or due)", ["(any)", *years])
    keep = pd.Series(True, index=targets.index)
    if docs:
        keep &= targets["document"].isin(docs)
    if unit != "(any)":
        keep &= (targets["leads"].fillna("") + "、" + targets["responsible"].fillna("")).str.split("、").map(
            lambda names: unit in names)
    if comparators:
        keep &= targets["comparator"].isin(comparators)
    if year != "(any)":
        keep &= (targets["doc_year"] == year) | (targets["due_year"] == year)
    return targets[keep]


def targets_view() -> None:
    """Targets across the corpus (filterable) and the deadline timeline by year."""
    targets = filtered_targets(ordered(GRAPH_KEY, "corpus_targets"))
    st.caption(f"{len(targets)} targets")
    show(targets, ["document", "number", "title", "text", "comparator", "value", "low", "high", "measure",
                   "per", "subject", "leads", "responsible", "due_year"])
    st.subheader("Deadlines by year")
    by_year = named(GRAPH_KEY, "deadlines_by_year")
    if len(by_year):
        chart = by_year.pivot_table(index="year", columns="document", values="deadlines", fill_value=0)
        chart.index = chart.index.astype(int).astype(str)
        st.bar_chart(chart)
    show(named(GRAPH_KEY, "corpus_deadlines"), ["year", "document", "section", "number", "text", "kind",
                                                "start", "end", "about"])


@st.cache_data(show_spinner=False)
def networks(key: str) -> tuple[Any, Any, pd.DataFrame]:
    """(bipartite graph, unit projection, centrality table) of the graph of ``key``."""
    net = bipartite_graph(get_graph(key))
    projection = unit_projection(net)
    table = centrality_table(net, projection)
    return annotate(net, table), annotate(projection, table), table


def network_view() -> None:
    """Centrality table and an interactive (offline) network drawing."""
    net, projection, table = networks(GRAPH_KEY)
    if table.empty:
        st.info("No task of the graph names a unit: there is no network to draw.")
        return
    show(table, ["label", "place", "degree", "lead", "responsible", "partners", "shared_tasks",
                 "degree_centrality", "betweenness", "community"])
    kind = st.radio("Draw", ["Units (edges: shared tasks)", "Tasks and units"], horizontal=True)
    page = network_html(projection if kind.startswith("Units") else net)
    if hasattr(st, "iframe"):  # Streamlit >= 1.50; the page is ours (labels escaped, no external script)
        st.iframe(page, height=660)
    else:
        import streamlit.components.v1 as components  # noqa: PLC0415

        components.html(page, height=660)


def ask_view() -> None:
    """The Ask box: a question in English or Chinese, its rows, SPARQL and source sentences."""
    st.caption("Try: " + " · ".join(asking.supported_questions()[:8]))
    question = st.text_input("Question", key="question")
    if not question.strip():
        return
    result = asking.ask(GRAPH, question)
    if result["message"]:
        st.warning(plain(result["message"]))
        for suggestion in result["suggestions"]:
            st.markdown(f"- {plain(suggestion)}")
        return
    st.caption(f"{result['describe']}: {len(result['answer'])} rows")
    rows = pd.DataFrame(result["answer"])
    for group in result["groups"] or [{"unit": None}]:
        if group["unit"] is not None:
            st.subheader(plain(unit_label(group)))
            show(readable(rows[rows["unit"] == group["unit"]]))
        else:
            show(readable(rows))
    with st.expander("SPARQL"):
        st.code(result["sparql"], language="sparql")
        st.json(result["bindings"])


def sparql_view() -> None:
    """A read-only SPARQL box (SELECT/ASK/CONSTRUCT/DESCRIBE), prefilled from the query library."""
    name = st.selectbox("Start from a library query", ["(none)", *available_queries()], key="sparql_pick")
    start = load_query(name) if name != "(none)" else "SELECT ?task ?number ?title WHERE {\n" \
        "  ?task a dkg:Task ; eli:number ?number ; dcterms:title ?title .\n} LIMIT 20"
    text = st.text_area("SPARQL (read-only; prefixes dkg: eli: org: skos: dcterms: prov: oa: time: qudt: "
                        "are predeclared)", value=start, height=240, key=f"sparql_{name}")
    st.caption(f"Answers of more than {MAX_ROWS:,} rows are refused and a query is stopped after "
               f"{TIME_BUDGET:g} s: add LIMIT to see part of a large answer.")
    if st.button("Run", key="sparql_run"):
        try:
            show(run_query(GRAPH, text, max_rows=MAX_ROWS, timeout=TIME_BUDGET))
        except QueryError as err:
            st.error(plain(err))


@st.cache_data(show_spinner="Preparing files …")
def download_files(key: str, lang: str) -> dict[str, tuple[str, bytes]]:
    """File name -> (format, bytes) for every download of the graph of ``key``."""
    graph = get_graph(key)
    matrix = responsibility_matrix(graph, lang)
    files = {f"responsibility-matrix-{lang}.{fmt}": (fmt, matrix_bytes(matrix, fmt, lang))
             for fmt in MATRIX_FORMATS}
    for fmt, suffix in EXPORT_FORMATS.items():
        files[f"graph{suffix}"] = (fmt, serialize(graph, fmt).encode("utf-8"))
    for fmt in ("graphml", "gexf"):
        stream = io.BytesIO()
        write_network(networks(key)[0], stream, fmt)
        files[f"task-unit-network.{fmt}"] = (fmt, stream.getvalue())
    return files


def downloads_view() -> None:
    """Responsibility matrices, RDF exports and network files."""
    lang = st.radio("Unit names in", ["zh", "en"], horizontal=True, key="download_lang")
    for name, (fmt, data) in download_files(GRAPH_KEY, lang).items():
        st.download_button(name, data, file_name=name, mime=MIME.get(fmt, "application/octet-stream"),
                           key=f"dl_{name}")


def main() -> None:
    """Page layout: a view picker in the sidebar, the chosen view in the main area."""
    st.title("Directive knowledge graph")
    view = st.sidebar.radio("View", VIEWS, key="view")
    {"Overview": overview, "Tasks": tasks_view, "Units": units_view, "Targets & deadlines": targets_view,
     "Network": network_view, "Ask": ask_view, "SPARQL": sparql_view, "Downloads": downloads_view}[view]()


main()
