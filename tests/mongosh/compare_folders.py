#!/usr/bin/env python3
"""Compares two data folders document by document, as mongoexport would render them.

    python3 compare_folders.py FOLDER_A FOLDER_B

Each collection file may be a JSON array or JSON Lines, in relaxed or canonical Extended JSON;
values are normalized ($oid to its hex, $date to epoch milliseconds, number wrappers to
numbers) and documents are compared by _id, fields by name. Prints every difference and exits 1
when there is any. The mock's calls.json and the clinic's clinic-plan.json are ignored.
"""
import json
import sys
from datetime import datetime
from pathlib import Path


def normalized(value):
    if isinstance(value, list):
        return [normalized(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1:
            (key, inner), = value.items()
            if key == "$oid":
                return ("oid", inner.lower())
            if key == "$date":
                if isinstance(inner, dict):
                    return ("date", int(inner["$numberLong"]))
                if isinstance(inner, (int, float)):
                    return ("date", int(inner))
                return ("date", int(datetime.fromisoformat(inner.replace("Z", "+00:00")).timestamp() * 1000))
            if key in ("$numberInt", "$numberLong"):
                return int(inner)
            if key == "$numberDouble":
                return float(inner)
        return {k: normalized(v) for k, v in value.items()}
    return value


def load(folder):
    collections = {}
    for path in sorted(Path(folder).glob("*.json")):
        # The mock's call log and the clinic's settings (not a collection) are not compared.
        if path.name in ("calls.json", "clinic-plan.json"):
            continue
        text = path.read_text().strip()
        docs = [] if not text else json.loads(text) if text.startswith("[") else [json.loads(l) for l in text.splitlines() if l.strip()]
        collections[path.name] = {json.dumps(normalized(d["_id"])): normalized(d) for d in docs}
    return collections


def main():
    a, b = load(sys.argv[1]), load(sys.argv[2])
    problems = []
    for name in sorted(set(a) | set(b)):
        da, db = a.get(name, {}), b.get(name, {})
        for key in sorted(set(da) | set(db)):
            if key not in da:
                problems.append(f"{name} {key}: only in {sys.argv[2]}")
            elif key not in db:
                problems.append(f"{name} {key}: only in {sys.argv[1]}")
            elif da[key] != db[key]:
                problems.append(f"{name} {key}: {da[key]} != {db[key]}")
    for problem in problems:
        print(problem)
    print(f"{'differ' if problems else 'same'}: {sum(len(c) for c in a.values())} documents compared")
    sys.exit(1 if problems else 0)


main()
