def print_table(header, rows):
    """Rows as a Markdown table, ready for docs/benchmarks.md."""
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        cells = [
            f"{cell:.1f}" if isinstance(cell, float) else str(cell) for cell in row
        ]
        print("| " + " | ".join(cells) + " |")
