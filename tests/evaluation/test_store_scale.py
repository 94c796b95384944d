"""The synthetic store of `claimwatch bench store`: documents made of real analyses under their own
dates, outlets, URLs and actor names, stored as any ingest stores them (no timings are checked)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimwatch.evaluation.scale_corpus import CorpusPlan, generate, rename, shift_iso
from claimwatch.evaluation.store_scale import grow
from claimwatch.knowledge import Incoming, Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "knowledge"))
from knowledge_corpus import Builder, corpus  # noqa: E402


def _bases():
    people = Builder("Maria Okafor said the talks would resume on Monday. Okafor added that nothing was agreed.",
                     "2024-03-04", "a.example")
    okafor = people.entity("Maria Okafor", "person", "USA")
    people.entity("Okafor", "person", "USA")
    people.claim("Maria Okafor", "said", "the talks would resume on Monday", entity=okafor)
    return [b.analysis for b in corpus()] + [people.analysis]


def test_iso_values_move_at_their_own_precision():
    assert shift_iso("2024-03-04", 30) == "2024-04-03"
    assert shift_iso("2024-03", 31) == "2024-04"
    assert shift_iso("2024", 400) == "2025"
    assert shift_iso("2024-W10", 7) == "2024-W11"
    assert shift_iso("PRESENT_REF", 3) == "PRESENT_REF"


def test_generated_documents_vary_and_keep_their_spans():
    plan = CorpusPlan(60, per_day=10, block=20, outlets=7, copy_share=0.2)
    made = list(generate(_bases(), plan))
    assert len(made) == 60
    docs = [g.analysis.document for g in made]
    assert len({d.url for d in docs}) == 60
    assert len({d.published for d in docs}) == 6  # ten a day
    assert len({g.outlet for g in made}) > 3
    reprints = [g for g in made if g.reprint_of is not None]
    assert reprints and len({d.id for d in docs}) == 60 - len(reprints)  # a reprint is the same text
    for g in made:
        text = g.analysis.document.text
        for claim in g.analysis.claims:  # the spans still point at the joined text
            assert text[claim.source.span[0]:claim.source.span[1]] == claim.source.text
        for event in g.analysis.events:
            assert text[event.trigger.span[0]:event.trigger.span[1]] == event.trigger.text
        ids = {e.id for e in g.analysis.entities}
        assert len(ids) == len(g.analysis.entities)
        assert all(ev.actor in ids for ev in g.analysis.events if ev.actor)
    names = {e.name for g in made for e in g.analysis.entities if e.type == "person"}
    assert {rename("Maria Okafor", 0), rename("Maria Okafor", 2)} <= names  # a block of 20 names its own people
    assert "Maria Okafor" not in names and "Iran" in {e.name for g in made for e in g.analysis.entities}


def test_the_synthetic_store_holds_every_document_with_its_copies(tmp_path):
    plan = CorpusPlan(40, per_day=10, block=20, outlets=7, copy_share=0.2)
    made = list(generate(_bases(), plan))
    store = Store(tmp_path / "s.db")
    assert all(store.add_many([Incoming(g.analysis, g.outlet) for g in made]))
    assert store.count() == 40
    copies = [d for d in store.documents() if d["copy_of"]]
    assert len(copies) >= sum(g.reprint_of is not None for g in made)
    store.close()


def test_grow_reports_each_size(tmp_path):
    points = grow(str(tmp_path / "g.db"), [10, 25], _bases(), about="Iran", repeat=1, batch=7,
                  plan=CorpusPlan(25, per_day=5, block=10))
    assert [p.documents for p in points] == [10, 25]
    assert set(points[-1].seconds) == {"events", "events --about", "claims", "claims --about", "contradictions",
                                       "graph", "entities"}
    assert points[-1].records["events --about"] > 0 and points[-1].bytes_per_doc > 0
    assert 0 < points[-1].records["claims --about"] < points[-1].records["claims"]


def test_grow_times_only_the_queries_asked_for(tmp_path):
    points = grow(str(tmp_path / "g.db"), [10], _bases(), about="Iran", repeat=1,
                  plan=CorpusPlan(10, per_day=5, block=10), only=["events --about", "graph"])
    assert list(points[0].seconds) == ["events --about", "graph"]


def test_an_unknown_query_fails_before_the_store_is_written(tmp_path):
    db = tmp_path / "g.db"
    with pytest.raises(ValueError, match="no timed query named 'claim'"):
        grow(str(db), [10], _bases(), about="Iran", only=["claim"])
    assert not db.exists()


def test_generation_from_a_later_document_gives_the_same_documents():
    plan = CorpusPlan(60, per_day=10, block=20, outlets=7, copy_share=0.3)
    whole = list(generate(_bases(), plan))
    later = list(generate(_bases(), plan, start=37))
    assert len(later) == 23
    for a, b in zip(whole[37:], later, strict=True):
        assert a.analysis.to_dict() == b.analysis.to_dict()
        assert (a.outlet, a.reprint_of) == (b.outlet, b.reprint_of)


def test_a_resumed_benchmark_writes_on_to_the_same_store_as_one_run(tmp_path):
    plan = CorpusPlan(25, per_day=5, block=10, copy_share=0.2)
    grow(str(tmp_path / "one.db"), [10, 25], _bases(), about="Iran", repeat=1, batch=5, plan=plan)
    grow(str(tmp_path / "two.db"), [10], _bases(), about="Iran", repeat=1, batch=5, plan=plan)  # stopped at 10
    with pytest.raises(ValueError, match="--resume"):
        grow(str(tmp_path / "two.db"), [10, 25], _bases(), about="Iran", repeat=1, batch=5, plan=plan)
    progress: list[int] = []
    points = grow(str(tmp_path / "two.db"), [10, 25], _bases(), about="Iran", repeat=1, batch=5, plan=plan,
                  resume=True, on_batch=progress.append)
    assert [p.documents for p in points] == [25]  # the size it had passed is not timed again
    assert progress == [10, 15, 20, 25]  # where it starts, then after each batch
    one, two = Store(tmp_path / "one.db"), Store(tmp_path / "two.db")
    assert sorted(d["url"] for d in one.documents()) == sorted(d["url"] for d in two.documents())
    assert one.count("reports") == two.count("reports") and one.count("claim_groups") == two.count("claim_groups")
    one.close()
    two.close()
