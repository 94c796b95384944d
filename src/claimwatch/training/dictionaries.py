"""Compile the field's event-coding dictionaries into claimwatch's lexicons, once.

`python -m claimwatch.training.dictionaries ../shared/data` (or `make lexicons`) reads
PETRARCH2's CAMEO verb dictionary and the Phoenix actor and agent dictionaries (data/cameo/, MIT
licence) with the CAMEO→PLOVER crosswalk (data/plover/), and writes:

- `events_cameo_verbs.json`: each verb lemma (and particle verb, "bring out") with its PLOVER
  type and mode when it stands alone, and its patterns: the subject, object and prepositional
  nouns that give it another type ("dismiss * CHARGES" → REJECT is no ACCUSE);
- `entities_phoenix_people.tsv`: people with their country and the dated terms of their roles,
  in the columns of leaders.tsv;
- `entities_phoenix_groups.tsv`: armed and non-state groups with country and sector, in the
  columns of organizations.tsv;
- `entities_phoenix_agents.tsv`: agent nouns ("police", "rebels") and the sector they give.

Each output opens with the licence notice of its source. Nothing reads ../shared at run time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claimwatch.training.cameo_verbs import compile_verbs, read_crosswalk, read_verbs
from claimwatch.training.phoenix_actors import compile_actors, compile_agents, compile_groups

LEXICONS = Path(__file__).resolve().parent.parent / "nlp" / "lexicons"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimwatch.training.dictionaries",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the shared data folder (holding cameo/ and plover/)")
    parser.add_argument("--out", type=Path, default=LEXICONS, help="where the lexicons go (default: the package's)")
    args = parser.parse_args(argv)
    cameo, plover = args.data / "cameo", args.data / "plover"
    for needed in (cameo / "CAMEO.2.0.txt", plover / "CAMEO2PLOVER-2021.txt", cameo / "LICENSE"):
        if not needed.exists():
            print(f"error: {needed} is missing; pass the folder that holds cameo/ and plover/", file=sys.stderr)
            return 2
    licence = (cameo / "LICENSE").read_text(encoding="utf-8").strip()
    verbs = read_verbs(cameo / "CAMEO.2.0.txt")
    lexicon = compile_verbs(verbs, read_crosswalk(plover / "CAMEO2PLOVER-2021.txt"))
    (args.out / "events_cameo_verbs.json").write_text(json.dumps(lexicon, indent=1, sort_keys=True) + "\n")
    countries = {line.split("\t")[0] for line in (LEXICONS / "countries.tsv").read_text().splitlines()
                 if line and not line.startswith("#")}
    people = compile_actors([cameo / "Phoenix.Countries.actors.txt"], countries, licence)
    (args.out / "entities_phoenix_people.tsv").write_text("\n".join(people) + "\n")
    groups = compile_groups(cameo / "Phoenix.MilNonState.actors.txt", countries, licence)
    (args.out / "entities_phoenix_groups.tsv").write_text("\n".join(groups) + "\n")
    agents = compile_agents(cameo / "Phoenix.agents.txt", licence)
    (args.out / "entities_phoenix_agents.tsv").write_text("\n".join(agents) + "\n")
    print(f"{len(lexicon['verbs'])} verbs → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
