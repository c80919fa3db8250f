def print_table(header, rows):
    """Rows as a Markdown table, ready for docs/benchmarks.md."""
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        cells = [
            f"{cell:.1f}" if isinstance(cell, float) else str(cell) for cell in row
        ]
        print("| " + " | ".join(cells) + " |")


def percentile(values, share):
    """The value below which ``share`` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]
