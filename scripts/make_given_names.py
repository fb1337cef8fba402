"""Regenerate src/canonym/corpus/tables/given_names.txt from the US Census 1990 first-name
lists that the ``names`` package ships (maintainers only).

The tagger reads a run of two frequent English words as a person when the first is a given
name ("Diana Johnson", "Julian Lewis"): both words are among the common words, which alone
would make the run no name. Names of at least ``MIN_PERCENT`` of the population are kept,
months left out ("May", "June", "August").

    pip install names && python scripts/make_given_names.py
"""

from __future__ import annotations

from pathlib import Path

import names

TABLES = Path(__file__).resolve().parent.parent / "src/canonym/corpus/tables"
MIN_PERCENT = 0.01
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


def main() -> None:
    found: set[str] = set()
    for list_name in ("dist.male.first", "dist.female.first"):
        for line in (Path(names.__file__).parent / list_name).read_text("utf-8").splitlines():
            name, percent = line.split()[:2]
            if float(percent) >= MIN_PERCENT and name.lower() not in MONTHS:
                found.add(name.lower())
    header = f"# given names of at least {MIN_PERCENT}% of the US Census 1990 lists; regenerate with scripts/make_given_names.py\n"
    (TABLES / "given_names.txt").write_text(header + "\n".join(sorted(found)) + "\n", "utf-8")
    print(f"wrote {len(found)} names to {TABLES / 'given_names.txt'}")


if __name__ == "__main__":
    main()
