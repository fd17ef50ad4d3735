#!/usr/bin/env python3
"""Prints the figures of `make bench` as one Markdown table, in figure order.

Every figure is one JSON file target/bench/figure-<N>[-<row>].json with the fields figure, name, value, unit,
spread, runs, goal, met (true, false or null: no pass mark) and detail (see docs/performance.md). Standard library
only. Usage: table.py [folder]   (default target/bench). Exit code 0 even when a goal is missed: benchmarks print,
they do not gate; a file that cannot be read is shown as a row saying so.
"""

import json
import re
import sys
from pathlib import Path

COLUMNS = ("#", "figure", "value", "spread", "runs", "goal", "met", "detail")


def sort_key(path):
    """figure-7-100.json before figure-7-500.json before figure-8-…: by number, then by the row suffix."""
    match = re.fullmatch(r"figure-(\d+)(?:-(.+))?\.json", path.name)
    if not match:
        return (10**9, path.name)
    row = match.group(2) or ""
    return (int(match.group(1)), (0, int(row), "") if row.isdigit() else (1, 0, row))


def number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3g}" if abs(value) < 10 else f"{value:,.1f}"


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def row(path):
    try:
        figure = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return ["?", path.name, "—", "—", "—", "—", "unreadable", f"{type(error).__name__}: {error}"]
    met = figure.get("met")
    suffix = re.fullmatch(r"figure-\d+(?:-(.+))?\.json", path.name)
    label = str(figure.get("figure", "?")) + (f" ({suffix.group(1)})" if suffix and suffix.group(1) else "")
    value = figure.get("value")
    return [
        label,
        figure.get("name", ""),
        f"{number(value)} {figure.get('unit', '')}".strip() if value is not None else "—",
        figure.get("spread", ""),
        figure.get("runs", ""),
        figure.get("goal", ""),
        "yes" if met is True else "**no**" if met is False else "—",
        figure.get("detail", ""),
    ]


def table(folder):
    files = sorted(folder.glob("figure-*.json"), key=sort_key)
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for path in files:
        lines.append("| " + " | ".join(cell(c) for c in row(path)) + " |")
    return "\n".join(lines), len(files)


def main(argv):
    folder = Path(argv[1] if len(argv) > 1 else "target/bench")
    text, count = table(folder)
    if count == 0:
        print(f"no figure-*.json in {folder}: run `make bench` first", file=sys.stderr)
        return 1
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
