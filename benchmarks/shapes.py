#!/usr/bin/env python3
"""Rewrites a data folder (JSON Lines, relaxed, as `clinic-plan generate` writes it) in the shapes
other tools write, so that the benchmarks measure exports the project did not write itself.

    python3 benchmarks/shapes.py SOURCE_FOLDER OUT_FOLDER SHAPE

SHAPE is one of
  python-array  one JSON array per file on one line, as Python's json.dump writes it (", ", ": ")
  pretty        each document pretty-printed, one after another (mongoexport --pretty)
  canonical     canonical Extended JSON v2 ({"$numberInt": "5"}, {"$date": {"$numberLong": ...}}), JSON Lines
  weekly        appointments turned into standing weekly ones (no `date`, no `skip_dates`), one per
                doctor, weekday and time (the first), as Python's json.dump writes JSON Lines
"""
import calendar
import datetime
import json
import os
import shutil
import sys


def documents(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def iso_ms(text):
    # "2026-12-06T09:00:00Z" or "2026-12-06T09:00:00.250Z"
    stamp = datetime.datetime.strptime(text.replace("Z", "+0000"),
                                       "%Y-%m-%dT%H:%M:%S.%f%z" if "." in text else "%Y-%m-%dT%H:%M:%S%z")
    return calendar.timegm(stamp.utctimetuple()) * 1000 + stamp.microsecond // 1000


def canonical(value):
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return {"$numberInt": str(value)} if -2**31 <= value < 2**31 else {"$numberLong": str(value)}
    if isinstance(value, float):
        return {"$numberDouble": repr(value)}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if list(value.keys()) == ["$date"] and isinstance(value["$date"], str):
        return {"$date": {"$numberLong": str(iso_ms(value["$date"]))}}
    if len(value) == 1 and next(iter(value)).startswith("$"):
        return value
    return {k: canonical(v) for k, v in value.items()}


def weekly(appointments):
    seen, out = set(), []
    for a in appointments:
        key = (json.dumps(a["doctor_id"]), a["day"], a["time"])
        if key in seen:
            continue
        seen.add(key)
        a = dict(a)
        a.pop("date", None)
        a.pop("skip_dates", None)
        out.append(a)
    return out


def main():
    source, out, shape = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    for name in sorted(os.listdir(source)):
        if not name.endswith(".json"):
            continue
        if name == "clinic-plan.json":
            # The clinic's settings, not a collection: the same in every shape.
            shutil.copyfile(os.path.join(source, name), os.path.join(out, name))
            continue
        docs = documents(os.path.join(source, name))
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            if shape == "python-array":
                json.dump(docs, f)
            elif shape == "pretty":
                for d in docs:
                    f.write(json.dumps(d, indent="\t") + "\n")
            elif shape == "canonical":
                for d in docs:
                    f.write(json.dumps(canonical(d), separators=(",", ":")) + "\n")
            elif shape == "weekly":
                if name == "appointments.json":
                    docs = weekly(docs)
                for d in docs:
                    f.write(json.dumps(d) + "\n")
            else:
                sys.exit(f"unknown shape {shape}")


if __name__ == "__main__":
    main()
