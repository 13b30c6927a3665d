#!/usr/bin/env python3
"""The second loading baseline: Python's json module on a collection file (a JSON array, JSON
Lines, or pretty-printed documents one after another), into plain dicts and lists, no typing.

Usage: json_baseline.py RUNS FILE...
Prints one JSON object per file: {"file": ..., "documents": n, "median": seconds, "min": ..., "max": ...}.
"""
import json
import statistics
import sys
import time

from export_reader import documents


def decode(path):
    return len(documents(path))


def main():
    runs = int(sys.argv[1])
    for path in sys.argv[2:]:
        times, documents = [], 0
        for _ in range(max(1, runs)):
            started = time.perf_counter()
            documents = decode(path)
            times.append(time.perf_counter() - started)
        print(json.dumps({"file": path, "documents": documents, "median": statistics.median(times),
                          "min": min(times), "max": max(times)}), flush=True)


if __name__ == "__main__":
    main()
