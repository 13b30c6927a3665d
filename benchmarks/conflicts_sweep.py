#!/usr/bin/env python3
"""A plain-Python reference for `clinic-plan conflicts`: the standard library's json module and one
sort-and-sweep per kind, no pandas. It reads any of the shapes benchmarks/shapes.py writes (JSON
Lines, arrays, pretty-printed streams; relaxed or canonical Extended JSON) and finds the same kinds
as conflicts_pandas.py (closed_day, no_schedule, outside_hours, double_booking, rep_double_booked,
patient_double_booked, over_capacity, invalid_schedule), dates in UTC.

Usage: conflicts_sweep.py DATA_DIR FROM_DATE DAYS
Prints one JSON object: {"seconds": ..., "occurrences": n, "summary": {"<kind>": count, ...}}.
"""
import datetime
import json
import sys
import time
from collections import Counter, defaultdict

from export_reader import documents

started = time.perf_counter()
folder, first, days = sys.argv[1], datetime.date.fromisoformat(sys.argv[2]), int(sys.argv[3])
last = first + datetime.timedelta(days=days - 1)
DAYS = {"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}
EPOCH = datetime.datetime(1970, 1, 1)


def read(name):
    """Every document of a collection file, whatever its layout (`Schedules.json` accepted too)."""
    try:
        return documents(f"{folder}/{name}")
    except FileNotFoundError:
        if name == "schedules.json":
            return documents(f"{folder}/Schedules.json")
        raise


def ident(v):
    if isinstance(v, dict):
        (key, inner), = v.items()
        return inner if key == "$oid" else int(inner)
    return v


def number(v):
    if isinstance(v, dict):
        return float(next(iter(v.values())))
    return v


def instant(v):
    """(date, minute of day) of an ISODate, in UTC."""
    if isinstance(v, dict):
        v = v["$date"]
    if isinstance(v, dict):
        at = EPOCH + datetime.timedelta(milliseconds=int(v["$numberLong"]))
    elif isinstance(v, (int, float)):
        at = EPOCH + datetime.timedelta(milliseconds=v)
    else:
        at = datetime.datetime.fromisoformat(v.replace("Z", "+00:00")).replace(tzinfo=None)
    return at.date(), at.hour * 60 + at.minute


def minutes(text):
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


# Schedules: the first for each doctor and weekday is the one used.
used, repeated, invalid = {}, Counter(), 0
for s in read("schedules.json"):
    key = (ident(s["doctor_id"]), DAYS[s["day"].lower()])
    window = (minutes(s["patient_start_time"]), minutes(s["patient_end_time"]), minutes(s["rep_start_time"]),
              minutes(s["rep_end_time"]), int(number(s["max_patients"])), int(number(s["max_reps"])),
              int(number(s.get("appointment_minutes") or 15)))
    repeated[key] += 1
    used.setdefault(key, window)
    if window[0] < window[3] and window[2] < window[1]:
        invalid += 1
invalid += sum(1 for n in repeated.values() if n >= 2)

closed = set()
for d in read("clinic_days.json"):
    if d["is_open"] is False:
        closed.add((ident(d["doctor_id"]), instant(d["date"])[0]))

range_days = [first + datetime.timedelta(days=k) for k in range(days)]
by_weekday = defaultdict(list)
for day in range_days:
    by_weekday[(day.weekday() + 1) % 7].append(day)

# Occurrences: (kind, doctor, other person, date, start, end).
items = []
for a in read("appointments.json"):
    if a["status"].lower() != "booked":
        continue
    doctor, patient, start = ident(a["doctor_id"]), ident(a["patient_id"]), minutes(a["time"])
    if a.get("date") is not None:
        dates = [instant(a["date"])[0]]
        dates = [d for d in dates if first <= d <= last]
    else:
        skips = {instant(s)[0] for s in a.get("skip_dates") or []}
        dates = [d for d in by_weekday[DAYS[a["day"].lower()]] if d not in skips]
    for d in dates:
        window = used.get((doctor, (d.weekday() + 1) % 7))
        length = window[6] if window else 15
        items.append(("appointment", doctor, patient, d, start, start + length))
for v in read("rep_visits.json"):
    if v["status"] not in ("scheduled", "completed"):
        continue
    d, start = instant(v["date"])
    if not first <= d <= last:
        continue
    summary = v.get("visit_summary") or {}
    length = int(number(summary.get("duration_min") or 0)) or 15
    items.append(("visit", ident(v["doctor_id"]), ident(v["rep_id"]), d, start, start + max(length, 1)))

summary = Counter()
per_day = Counter()
for kind, doctor, other, d, start, end in items:
    window = used.get((doctor, (d.weekday() + 1) % 7))
    if (doctor, d) in closed:
        summary["closed_day"] += 1
    elif window is None:
        summary["no_schedule"] += 1
    else:
        low, high = (window[0], window[1]) if kind == "appointment" else (window[2], window[3])
        if start < low or end > high:
            summary["outside_hours"] += 1
        per_day[(doctor, d, kind)] += 1
for (doctor, d, kind), count in per_day.items():
    window = used[(doctor, (d.weekday() + 1) % 7)]
    if count > (window[4] if kind == "appointment" else window[5]):
        summary["over_capacity"] += 1


def clusters(keyed):
    """Clusters of two or more overlapping [start, end) items per key and date: sort, then sweep."""
    keyed.sort()
    count, previous, reach, size = 0, None, -1, 0
    for key, d, start, end in keyed:
        if (key, d) != previous or start >= reach:
            count += size >= 2
            previous, reach, size = (key, d), end, 1
        else:
            reach, size = max(reach, end), size + 1
    return count + (size >= 2)


summary["double_booking"] = clusters([(str(i[1]), i[3], i[4], i[5]) for i in items])
summary["rep_double_booked"] = clusters([(str(i[2]), i[3], i[4], i[5]) for i in items if i[0] == "visit"])
summary["patient_double_booked"] = clusters([(str(i[2]), i[3], i[4], i[5]) for i in items if i[0] == "appointment"])
summary["invalid_schedule"] = invalid

print(json.dumps({"seconds": time.perf_counter() - started, "occurrences": len(items),
                  "summary": {k: v for k, v in sorted(summary.items()) if v}}))
