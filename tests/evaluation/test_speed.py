from claimwatch.evaluation.speed import benchmark
from claimwatch.nlp.pipeline import COMPONENTS


def test_bench_times_the_parse_and_every_component(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said on Monday that 200 troops had been sent to the border.\n")
    (tmp_path / "b.txt").write_text("The rebels denied that they had attacked the convoy near the city.\n")
    report = benchmark(tmp_path)
    steps = [row["step"] for row in report.rows]
    assert steps == ["spaCy parse", *(c.__name__ for c in COMPONENTS)]
    assert "2 texts" in report.title
    assert 0 < report.metrics["ratio"] <= 1
    assert report.metrics["analysis_s"] >= report.metrics["parse_s"]
