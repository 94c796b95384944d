"""A small news corpus written for these tests, as analyses built by hand (no NLP), so that
the cross-document logic is tested on exactly known inputs.

- AID Iran → Syria: a wire story (syndicated verbatim by two sites), an independent report
  (about 3,000 soldiers), an outlet giving a different number (2,000), and a denial by Iran.
- ASSAULT Turkey → Iraq: reported by two outlets; one of them retracts its report two days later.
- AGREE Syria → Iran: an unrelated event.
"""

from __future__ import annotations

import hashlib

from claimwatch.model import Analysis, Claim, Document, Entity, Event, Quantity, Source, TextSpan

COUNTRIES = {"Iran": "IRN", "Iranian": "IRN", "Syria": "SYR", "Syrian": "SYR", "Turkish": "TUR", "Turkey": "TUR",
             "Iraq": "IRQ"}


class Builder:
    def __init__(self, text: str, published: str, outlet: str) -> None:
        path = hashlib.sha1(text.encode()).hexdigest()[:8]
        self.doc = Document(text=text, published=published, url=f"https://{outlet}/{path}")
        self.outlet = outlet
        self.analysis = Analysis(self.doc)

    def span(self, phrase: str) -> tuple[int, int]:
        start = self.doc.text.index(phrase)
        return start, start + len(phrase)

    def entity(self, name: str, type: str = "country", country: str | None = None) -> str:
        eid = f"e{len(self.analysis.entities) + 1}"
        at, mentions = 0, []
        while (i := self.doc.text.find(name, at)) >= 0:
            mentions.append((i, i + len(name)))
            at = i + len(name)
        self.analysis.entities.append(Entity(eid, name, type, country or COUNTRIES.get(name), mentions=mentions))
        return eid

    def claim(self, source: str, cue: str, content: str, *, kind: str = "named", entity: str | None = None,
              polarity: str = "positive", certainty: str = "certain") -> str:
        cid = f"c{len(self.analysis.claims) + 1}"
        self.analysis.claims.append(Claim(cid, Source(source, self.span(source), kind, entity),
                                          TextSpan(cue, self.span(cue)), TextSpan(content, self.span(content)),
                                          certainty=certainty, polarity=polarity, stated_at=self.doc.published))
        return cid

    def quantity(self, phrase: str, value: float, bound: str = "exact", unit: str = "soldiers") -> str:
        qid = f"q{len(self.analysis.quantities) + 1}"
        self.analysis.quantities.append(Quantity(qid, phrase, self.span(phrase), value, unit, bound))
        return qid

    def event(self, type: str, trigger: str, actor: str, target: str, *, claim: str | None = None,
              size: float | None = None, dead: float | None = None, quantities: list[str] | None = None,
              polarity: str = "positive", location: str | None = None) -> str:
        vid = f"v{len(self.analysis.events) + 1}"
        self.analysis.events.append(Event(vid, type, TextSpan(trigger, self.span(trigger)), actor=actor,
                                          target=target, location=location, claim=claim, size=size, dead=dead,
                                          quantities=quantities or [], polarity=polarity))
        return vid


WIRE_BODY = ("Iran has sent 3,000 soldiers to Syria to support government forces near Aleppo, two officials "
             "said on Monday. The deployment is the largest in years, according to the officials, who spoke on "
             "condition of anonymity because they were not allowed to brief reporters. Regional diplomats said "
             "the move could change the balance of the conflict in the north of the country.")


def _wire(header: str, published: str, outlet: str) -> Builder:
    b = Builder(header + WIRE_BODY, published, outlet)
    iran, syria = b.entity("Iran"), b.entity("Syria")
    q = b.quantity("3,000 soldiers", 3000)
    c = b.claim("two officials", "said",
                "Iran has sent 3,000 soldiers to Syria to support government forces near Aleppo", kind="unnamed")
    b.event("AID", "sent", iran, syria, claim=c, size=3000, quantities=[q])
    return b


def corpus() -> list[Builder]:
    """The analyses, in the order they are stored (each with its outlet)."""
    docs = [_wire("", "2024-03-04", "wire.example"),
            _wire("Daily Courier | World news\n\n", "2024-03-04", "daily.example"),
            _wire("The Gazette — Middle East\n\n", "2024-03-05", "gazette.example")]

    b = Builder("Iranian troops arrived in northern Syria this week. Iran sent about 3,000 soldiers to help "
                "Syrian government forces near Aleppo, a Western intelligence source said.", "2024-03-05",
                "herald.example")
    iran, syria = b.entity("Iran"), b.entity("Syria")
    q = b.quantity("about 3,000 soldiers", 3000, "approximate")
    c = b.claim("a Western intelligence source", "said",
                "Iran sent about 3,000 soldiers to help Syrian government forces near Aleppo", kind="unnamed")
    b.event("AID", "sent", iran, syria, claim=c, size=3000, quantities=[q])
    docs.append(b)

    b = Builder("Iran has sent 2,000 soldiers to Syria to support government forces, according to a military "
                "analyst in Beirut, fewer than other reports suggested.", "2024-03-05", "observer.example")
    iran, syria = b.entity("Iran"), b.entity("Syria")
    q = b.quantity("2,000 soldiers", 2000)
    c = b.claim("a military analyst in Beirut", "according to",
                "Iran has sent 2,000 soldiers to Syria to support government forces", kind="unnamed")
    b.event("AID", "sent", iran, syria, claim=c, size=2000, quantities=[q])
    docs.append(b)

    b = Builder("Iran's foreign ministry denied on Wednesday that it had sent soldiers to Syria to support "
                "government forces, calling the reports baseless.", "2024-03-06", "tribune.example")
    iran, syria = b.entity("Iran"), b.entity("Syria")
    ministry = b.entity("Iran's foreign ministry", "organization", "IRN")
    c = b.claim("Iran's foreign ministry", "denied", "it had sent soldiers to Syria to support government forces",
                entity=ministry, polarity="negative")
    b.event("AID", "sent", iran, syria, claim=c, polarity="negative")
    docs.append(b)

    b = Builder("Turkish jets struck a village in northern Iraq on Sunday, killing 12 people, the Post reported, "
                "citing local officials.", "2024-03-10", "post.example")
    turkey, iraq = b.entity("Turkish"), b.entity("Iraq")
    q = b.quantity("12 people", 12, unit="people")
    c = b.claim("local officials", "citing", "Turkish jets struck a village in northern Iraq on Sunday",
                kind="unnamed")
    b.event("ASSAULT", "struck", turkey, iraq, claim=c, dead=12, quantities=[q])
    docs.append(b)

    b = Builder("Turkish aircraft struck a village in northern Iraq, killing 12 people, Kurdish officials said.",
                "2024-03-10", "ledger.example")
    turkey, iraq = b.entity("Turkish"), b.entity("Iraq")
    q = b.quantity("12 people", 12, unit="people")
    c = b.claim("Kurdish officials", "said", "Turkish aircraft struck a village in northern Iraq, killing 12 people",
                kind="unnamed")
    b.event("ASSAULT", "struck", turkey, iraq, claim=c, dead=12, quantities=[q])
    docs.append(b)

    b = Builder("The Post retracted its report that Turkish jets struck a village in northern Iraq, saying its "
                "sources had been mistaken.", "2024-03-12", "post.example")
    turkey, iraq = b.entity("Turkish"), b.entity("Iraq")
    c = b.claim("The Post", "retracted", "Turkish jets struck a village in northern Iraq", kind="author",
                polarity="negative")
    b.event("ASSAULT", "struck", turkey, iraq, claim=c, polarity="negative")
    docs.append(b)

    b = Builder("Syria and Iran signed a trade agreement in Damascus on Wednesday, state media said.", "2024-03-06",
                "herald.example")
    syria, iran = b.entity("Syria"), b.entity("Iran")
    c = b.claim("state media", "said", "Syria and Iran signed a trade agreement in Damascus on Wednesday",
                kind="unnamed")
    b.event("AGREE", "signed", syria, iran, claim=c)
    docs.append(b)
    return docs


def store_file(path) -> str:
    """A SQLite store at `path` holding the corpus (for tests of the commands that read a store)."""
    from claimwatch.knowledge import Store

    store = Store(path)
    for b in corpus():
        store.add(b.analysis, outlet=b.outlet)
    store.close()
    return str(path)
