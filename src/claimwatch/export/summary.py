"""A readable summary of an analysis for the terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from claimwatch.model import Analysis


def _clip(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_summary(analysis: Analysis, console: Console, label: str | None = None) -> None:
    doc = analysis.document
    head = label or doc.title or doc.url or doc.id[:19]
    console.rule(f"[bold]{head}[/bold]  published {doc.published or '?'}")
    claims = Table("source", "cue", "certainty", "content", title="Claims", title_justify="left")
    for c in analysis.claims:
        source = c.source.text or f"({c.source.kind})"
        entity = analysis.entity(c.source.entity)
        if entity and entity.name.lower() != source.lower():
            source += f" → {entity.name}"
        polarity = "" if c.polarity == "positive" else " (negated)"
        claims.add_row(source, c.cue.text if c.cue else "", c.certainty + polarity, _clip(c.content.text))
    console.print(claims)
    events = Table("type", "trigger", "actor", "target", "where", "when", "counts", "modality", "certainty",
                   title="Events", title_justify="left")
    name = lambda eid: (analysis.entity(eid).name if analysis.entity(eid) else "")  # noqa: E731
    for v in analysis.events:
        counts = ", ".join(f"{k} {getattr(v, k)}" for k in ("dead", "injured", "size") if getattr(v, k) is not None)
        events.add_row(f"{v.type}{'/' + v.mode if v.mode else ''}", v.trigger.text, name(v.actor), name(v.target),
                       name(v.location), v.time.value or v.time.text if v.time else "", counts, v.modality,
                       v.certainty)
    console.print(events)
    entities = Table("entity", "type", "country", "wikidata", "mentions", title="Entities", title_justify="left")
    for e in analysis.entities:
        entities.add_row(e.name, e.type, e.country or "", e.wikidata or "", str(len(e.mentions)))
    console.print(entities)
    if doc.excluded:
        console.print(f"[dim]excluded: {len(doc.excluded)} span(s): "
                      + "; ".join(ex.reason for ex in doc.excluded) + "[/dim]")
