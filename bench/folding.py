"""Benchmark: what an import spends folding a document's texts, per row.

    .venv/bin/python bench/folding.py [--rows 3000] [--rounds 5]

Each of the corpus's rows has its title and body folded as the import does it,
for the database (``word_text``) and for the engine (``with_folded``), in that
order. A first pass over the rows is left out of the figures: like a long import,
the measured passes meet words already seen. The reference is lower-casing the
same texts (``str.casefold``), which depends on the machine only: compare runs
of different checkouts by their share of it.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import documents  # noqa: E402
from bench.table import print_table  # noqa: E402
from portal.core.text import with_folded, word_text  # noqa: E402


def fold_like_the_import(texts):
    for text in texts:
        word_text(text)
        with_folded(text)


def casefold(texts):
    for text in texts:
        text.casefold()


def best_per_row(work, texts, rows, rounds):
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        work(texts)
        best = min(best, time.perf_counter() - started)
    return best / rows * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = [row[field] for row in documents(args.rows) for field in ("title", "body")]
    fold_like_the_import(texts)  # words met before, as in a long import
    reference = best_per_row(casefold, texts, args.rows, args.rounds)
    folding = best_per_row(fold_like_the_import, texts, args.rows, args.rounds)
    print(f"# {args.rows} corpus rows, best of {args.rounds} passes")
    print_table(
        ("work", "ms per row", "times the reference"),
        [
            ("reference: casefold", f"{reference:.4f}", "1"),
            (
                "folding as the import does",
                f"{folding:.3f}",
                f"{folding / reference:.0f}",
            ),
        ],
    )


if __name__ == "__main__":
    main()
