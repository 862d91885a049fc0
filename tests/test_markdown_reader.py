"""Articles converted in worker processes: same site, and figures and facts found there."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import ROOT, SEEDS
from hostile.pages import new_content

from breachwatch.cli import main
from breachwatch.speed import markdown_reader, memo, parallel

UNSEEN = ROOT / "tests" / "fixtures" / "unseen"


def _build(seeds: Path, tmp: Path, name: str) -> dict[str, bytes]:
    content, output = new_content(tmp / f"{name}-content"), tmp / f"{name}-output"
    assert main(["build", "--seeds", str(seeds), "--content", str(content),
                 "--output", str(output), "--no-search"]) == 0
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*"))
            if p.is_file()}


def test_workers_build_the_same_site_and_leave_no_figures_or_facts_to_find(
    tmp_path: Path, monkeypatch
) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    for seed in UNSEEN.glob("*.txt"):
        shutil.copyfile(seed, seeds / seed.name)
    alone = _build(seeds, tmp_path, "alone")  # too few articles for workers

    made_here: list[str] = []
    real_map_calls = memo.map_calls

    def counting(function, calls):
        made_here.extend(function.__name__ for _ in calls)
        return real_map_calls(function, calls)

    monkeypatch.setattr(markdown_reader, "POOL_THRESHOLD", 1)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(memo, "map_calls", counting)
    site = _build(seeds, tmp_path, "workers")
    assert site == alone
    # Every call was made beside the conversion, but for the articles a case redated: their
    # facts and figures are found again from the new date.
    records = json.loads(site["data/articles.json"])
    redated = sum(record["date_rule"] == "case-timeline" for record in records)
    assert redated >= 1
    assert made_here == ["text_facts"] * redated + ["extract_figures"] * redated


def test_only_articles_the_cache_cannot_answer_go_to_the_workers(tmp_path: Path,
                                                                   monkeypatch) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    content, output = new_content(tmp_path / "content"), tmp_path / "output"
    args = ["build", "--seeds", str(seeds), "--content", str(content), "--output", str(output),
            "--no-search"]
    assert main(args) == 0
    stale: list[list[str]] = []
    real = markdown_reader.stale_articles
    monkeypatch.setattr(markdown_reader, "stale_articles",
                        lambda generator: stale.append(real(generator)) or stale[-1])
    (seed,) = seeds.glob("002*.txt")
    seed.write_text(seed.read_text(encoding="utf-8") + "\nThe force declined to comment.\n",
                    encoding="utf-8")
    assert main(args) == 0
    assert [[Path(path).parent.name for path in paths] for paths in stale] == [["articles"]]
    (edited,) = stale[0]
    assert "Seed: 002" in Path(edited).read_text(encoding="utf-8")
