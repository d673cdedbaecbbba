"""Extraction records: the typed output of every pipeline step.

These dataclasses are the contract between ``extract/`` and everything downstream
(``graph/``, the CLI, the app). They serialise to the JSON interchange format described in
``tests/fixtures/FORMAT.md`` (a copy of the project's gold format): ``Directive.to_json()``
returns exactly that object, plus extra fields (``id``, character offsets) the format allows.

Offsets (``char_start``/``char_end``) are always half-open ``[start, end)`` indices into the
*original* decoded text of the document (``Directive.text``), so the sentence behind any fact
can be shown by slicing that text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class UnitMention:
    """One unit named in a responsibility clause or table cell.

    Attributes:
        name: the unit as written, whitespace removed (e.g. ``"市直相关部门、单位"``).
        role: ``"lead"`` or ``"responsible"``.
        char_start, char_end: span of ``name`` in the original text.
    """

    name: str
    role: str
    char_start: int
    char_end: int


@dataclass
class Task:
    """A numbered item of a directive that is a task or safeguard measure.

    Attributes:
        number: numbering path, e.g. ``"二.(五)"`` (see FORMAT.md).
        kind: ``"task"``, ``"safeguard"`` or ``"general"``.
        title: the item's heading sentence, else its first clause.
        lead_units / responsible_units: unit names as written, in document order.
        char_start, char_end: span of the whole item (or of the clause's covered text).
        clause: the responsibility clause as written, or None.
        clause_start, clause_end: span of the clause (-1 when there is none).
        mentions: one ``UnitMention`` per unit entry, with its span.
        internal_lead / internal_responsible: the issuer's own internal divisions (牵头处室,
            配合处室) named beside the units; kept apart from the unit lists.
        deadline: the task-level 完成时限 cell of a table, as written, or None.
    """

    number: str
    kind: str
    title: str
    lead_units: list[str] = field(default_factory=list)
    responsible_units: list[str] = field(default_factory=list)
    char_start: int = 0
    char_end: int = 0
    title_start: int = 0
    title_end: int = 0
    clause: str | None = None
    clause_start: int = -1
    clause_end: int = -1
    mentions: list[UnitMention] = field(default_factory=list)
    internal_lead: list[str] = field(default_factory=list)
    internal_responsible: list[str] = field(default_factory=list)
    deadline: str | None = None


@dataclass
class Target:
    """A quantitative bound the text sets (FORMAT.md "targets").

    Attributes:
        section: numbering path of the innermost numbered item that contains it.
        text: shortest span holding number, comparator and unit.
        comparator: one of ``>=`` ``<=`` ``=`` ``≈`` ``range`` ``>`` ``<``.
        value: a number in ``unit`` (万/亿 multiplied out), or ``[low, high]`` for ``range``.
        unit: e.g. ``元``, ``户``, ``平方米``, ``%``.
        per: the base it is counted against (``每千户每年``) or None.
        subject: what is bounded, or None.
    """

    section: str
    text: str
    comparator: str
    value: float | int | list[float | int]
    unit: str
    per: str | None = None
    subject: str | None = None
    char_start: int = 0
    char_end: int = 0


@dataclass
class Deadline:
    """A date commitment (FORMAT.md "deadlines").

    Attributes:
        section: numbering path of the innermost numbered item that contains it.
        text: the phrase as written, e.g. ``到2020年年底``.
        kind: ``by``, ``from``, ``relative`` or ``ongoing``.
        start, end: ISO dates (``YYYY-MM-DD``) or None.
        about: what is due, or None.
    """

    section: str
    text: str
    kind: str
    start: str | None = None
    end: str | None = None
    about: str | None = None
    char_start: int = 0
    char_end: int = 0


@dataclass
class Citation:
    """A document or law the directive cites: ``doc_number`` (or None) and ``title``."""

    doc_number: str | None
    title: str | None
    char_start: int = 0
    char_end: int = 0


@dataclass
class Section:
    """A numbered item of the document's hierarchy, whether or not it is a task.

    Attributes:
        number: numbering path (``"二.(五)"``).
        marker: the marker as written (``"（五）"``).
        title: heading sentence.
        kind: kind inherited from its top-level heading (``task``/``safeguard``/``general``).
        char_start, char_end: span of the item including its children.
        parent: numbering path of the parent item, or None at top level.
    """

    number: str
    marker: str
    title: str
    kind: str
    char_start: int
    char_end: int
    parent: str | None = None


@dataclass
class Metadata:
    """Document-level facts found in the header and signature block."""

    title: str | None = None
    issuer: list[str] = field(default_factory=list)
    doc_number: str | None = None
    date: str | None = None
    cites: list[Citation] = field(default_factory=list)


@dataclass
class Directive:
    """Everything extracted from one document.

    Attributes:
        id: document id, the file stem (``weihai-2018-39``).
        source: the path as given.
        text: the original decoded text; every offset points into it.
        metadata: title, issuers, document number, date, citations.
        sections: the whole numbered hierarchy.
        tasks, targets, deadlines: the facts.
        mentions: units recognised in body text (outside clauses), for provenance and lookup.
    """

    id: str
    source: str
    text: str
    metadata: Metadata = field(default_factory=Metadata)
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    mentions: list[UnitMention] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the FORMAT.md object for this document (plain JSON-serialisable dict)."""
        meta = self.metadata
        return {
            "id": self.id,
            "source": self.source,
            "title": meta.title,
            "issuer": list(meta.issuer),
            "doc_number": meta.doc_number,
            "date": meta.date,
            "cites": [asdict(c) for c in meta.cites],
            "tasks": [asdict(t) for t in self.tasks],
            "targets": [asdict(t) for t in self.targets],
            "deadlines": [asdict(d) for d in self.deadlines],
            "sections": [asdict(s) for s in self.sections],
            "mentions": [asdict(m) for m in self.mentions],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], text: str = "") -> Directive:
        """Rebuild a Directive from ``to_json()`` output (``text`` is not part of the JSON)."""
        meta = Metadata(
            title=data.get("title"),
            issuer=list(data.get("issuer") or []),
            doc_number=data.get("doc_number"),
            date=data.get("date"),
            cites=[Citation(**c) for c in data.get("cites") or []],
        )
        tasks = []
        for t in data.get("tasks") or []:
            t = dict(t)
            t.setdefault("kind", "task")  # gold files written before kinds were recorded
            t["mentions"] = [UnitMention(**m) for m in t.get("mentions") or []]
            tasks.append(Task(**{k: v for k, v in t.items() if k in Task.__dataclass_fields__}))
        return cls(
            id=data.get("id") or "",
            source=data.get("source") or "",
            text=text,
            metadata=meta,
            sections=[Section(**s) for s in data.get("sections") or []],
            tasks=tasks,
            targets=[Target(**x) for x in data.get("targets") or []],
            deadlines=[Deadline(**x) for x in data.get("deadlines") or []],
            mentions=[UnitMention(**m) for m in data.get("mentions") or []],
        )
