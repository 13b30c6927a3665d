#!/usr/bin/env python3
"""An independent check of a rebooking, written from ../shared/spec/scheduling.md alone.

Usage: check_rebook.py DATA_FOLDER RESULT.json [--close DATE[:REASON]]... [--grid MINUTES]

RESULT.json is what `clinic-plan rebook --data DATA_FOLDER --format json` printed for that folder
(give the same --close options; the grid defaults to the folder's clinic-plan.json, else 5).
This script shares no code with clinic-plan: it reads the mongoexport files itself (a JSON
array, JSON Lines or pretty-printed documents, relaxed or canonical Extended JSON), works out
which items need a new slot, and checks that the result
  - names every one of them exactly once, and nothing else (no item lost, none invented);
  - puts every placed item on a date after its original one, inside the range, on a working day
    of its doctor, on the grid, inside the right window, under the day's cap, without overlapping
    what occupies the doctor, the rep's other visits or the patient's other appointments that date
    (the items that stay and the other moved items alike);
  - reports delays and objectives that add up (an unplaced item costs range end - original date,
    the end being the day after the range's last date).
Prints one JSON object: {"ok", "items", "placed", "unplaced", "objective", "errors": [first 20]};
exit status 0 when ok, 1 when not, 2 on bad usage.
"""
import argparse
import datetime as dt
import json
import os
import sys
from collections import defaultdict
from zoneinfo import ZoneInfo

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def read_documents(path):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8")
    stripped = text.lstrip()
    if not stripped:
        return []
    if stripped.startswith("["):
        return json.loads(text)
    # Documents one after another: one per line, or pretty-printed over many (mongoexport --pretty).
    decoder, documents, at = json.JSONDecoder(), [], 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at == len(text):
            return documents
        document, at = decoder.raw_decode(text, at)
        documents.append(document)


def collection(folder, *names):
    for name in names:
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return read_documents(path)
    return []


def ident(value):
    """An id as the tool prints it: the ObjectId's hex, else the value's text."""
    if isinstance(value, dict):
        if "$oid" in value:
            return value["$oid"]
        for key in ("$numberInt", "$numberLong"):
            if key in value:
                return str(int(value[key]))
    return str(value)


def number(value):
    if isinstance(value, dict):
        for key in ("$numberInt", "$numberLong", "$numberDouble"):
            if key in value:
                return float(value[key])
    return float(value)


def instant(value):
    """An Extended JSON date as an aware datetime."""
    inner = value["$date"] if isinstance(value, dict) and "$date" in value else value
    if isinstance(inner, dict):
        return dt.datetime.fromtimestamp(int(inner["$numberLong"]) / 1000, dt.timezone.utc)
    if isinstance(inner, (int, float)):
        return dt.datetime.fromtimestamp(inner / 1000, dt.timezone.utc)
    return dt.datetime.fromisoformat(inner.replace("Z", "+00:00"))


def minutes(hhmm):
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


class Clinic:
    def __init__(self, folder, extra_closures):
        settings_path = os.path.join(folder, "clinic-plan.json")
        settings = json.load(open(settings_path)) if os.path.exists(settings_path) else {}
        self.zone = ZoneInfo(settings.get("timezone", "UTC"))
        self.grid = int(settings.get("rebook_grid_minutes", 5))
        self.schedules = {}  # (doctor, weekday) -> schedule; the first in file order counts
        for s in collection(folder, "schedules.json", "Schedules.json"):
            key = (ident(s["doctor_id"]), s["day"].lower())
            self.schedules.setdefault(key, {
                "patient": (minutes(s["patient_start_time"]), minutes(s["patient_end_time"])),
                "rep": (minutes(s["rep_start_time"]), minutes(s["rep_end_time"])),
                "max_patients": int(number(s["max_patients"])),
                "max_reps": int(number(s["max_reps"])),
                "appointment_minutes": int(number(s.get("appointment_minutes", 15))),
            })
        self.doctors = {ident(d["_id"]) for d in collection(folder, "doctors.json")}
        self.closed = set()  # (doctor, date)
        for day in collection(folder, "clinic_days.json"):
            if day.get("is_open") is False:
                self.closed.add((ident(day["doctor_id"]), self.local(day["date"]).date()))
        for doctor, date in extra_closures:
            for d in ([doctor] if doctor else self.doctors):
                self.closed.add((d, date))
        self.appointments = collection(folder, "appointments.json")
        self.visits = collection(folder, "rep_visits.json")

    def local(self, value):
        return instant(value).astimezone(self.zone).replace(tzinfo=None)

    def schedule(self, doctor, date):
        return self.schedules.get((doctor, WEEKDAYS[date.weekday()]))

    def works(self, doctor, date):
        return self.schedule(doctor, date) is not None and (doctor, date) not in self.closed

    def appointment_length(self, doctor, date):
        rule = self.schedule(doctor, date)
        return rule["appointment_minutes"] if rule and rule["appointment_minutes"] > 0 else 15

    @staticmethod
    def visit_length(visit):
        summary = visit.get("visit_summary") or {}
        length = summary.get("duration_min")
        length = int(number(length)) if length is not None else 0
        return length if length > 0 else 15

    def occurrences(self, first, last):
        """Booked appointment occurrences and occupying or rescheduled visits, as dicts."""
        items = []
        for a in self.appointments:
            if a.get("status") != "booked":
                continue
            doctor, start = ident(a["doctor_id"]), minutes(a["time"])
            if "date" in a and a["date"] is not None:
                dates = [self.local(a["date"]).date()]
            else:
                weekday = WEEKDAYS.index(a["day"].lower())
                skipped = {self.local(d).date() for d in a.get("skip_dates") or []}
                dates = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]
                dates = [d for d in dates if d.weekday() == weekday and d not in skipped]
            for date in dates:
                items.append({"kind": "appointment", "id": ident(a["_id"]), "doctor": doctor,
                              "patient": ident(a["patient_id"]), "date": date, "start": start,
                              "length": self.appointment_length(doctor, date), "status": "booked"})
        for v in self.visits:
            when = self.local(v["date"])
            items.append({"kind": "rep_visit", "id": ident(v["_id"]), "doctor": ident(v["doctor_id"]),
                          "rep": ident(v["rep_id"]), "date": when.date(), "start": when.hour * 60 + when.minute,
                          "length": self.visit_length(v), "status": v.get("status")})
        return items


def parse_local(text):
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M")


def check(clinic, result, grid):
    errors = []
    rng = result["range"]
    first, last = dt.date.fromisoformat(rng["from"]), dt.date.fromisoformat(rng["to"])
    not_before = parse_local(result["not_before"]) if result.get("not_before") else None
    everything = clinic.occurrences(first, last)

    def in_range(date):
        return first <= date <= last

    def key(kind, ident_, date, start):
        return (kind, ident_, date.isoformat(), start)

    # What needs a new slot (scheduling.md): booked occurrences and scheduled visits on a closed
    # date in the range, and every rescheduled visit. Items before `not_before` are left alone.
    needing, staying = {}, []
    for item in everything:
        closed = in_range(item["date"]) and (item["doctor"], item["date"]) in clinic.closed
        hit = (item["kind"] == "appointment" and closed) or \
              (item["kind"] == "rep_visit" and item["status"] == "scheduled" and closed) or \
              (item["kind"] == "rep_visit" and item["status"] == "rescheduled")
        occupies = item["status"] in ("booked", "scheduled", "completed")
        start_time = dt.datetime.combine(item["date"], dt.time()) + dt.timedelta(minutes=item["start"])
        if hit and not (item["status"] != "rescheduled" and not_before and start_time < not_before):
            needing[key(item["kind"], item["id"], item["date"], item["start"])] = item
        elif occupies and in_range(item["date"]):
            staying.append(item)

    moves = result["moves"]
    seen = set()
    placed = []
    objective = 0
    for move in moves:
        origin = parse_local(move["from"])
        k = key(move["kind"], move["id"], origin.date(), origin.hour * 60 + origin.minute)
        if k in seen:
            errors.append(f"{k}: named twice")
            continue
        seen.add(k)
        item = needing.get(k)
        if item is None:
            errors.append(f"{k}: moved, but it does not need a new slot")
            continue
        if move.get("to") is None:
            # The range ends where the day after its last date begins.
            cost = (last - item["date"]).days + 1
            if move.get("delay_days") not in (None, cost):
                errors.append(f"{k}: unplaced with delay_days {move.get('delay_days')}, expected {cost}")
            objective += cost
            continue
        to = parse_local(move["to"])
        date, start = to.date(), to.hour * 60 + to.minute
        length = clinic.appointment_length(item["doctor"], date) if item["kind"] == "appointment" else item["length"]
        placed.append(dict(item, date=date, start=start, length=length, moved=True))
        cost = (date - item["date"]).days
        objective += cost
        if move.get("delay_days") != cost:
            errors.append(f"{k}: delay_days {move.get('delay_days')}, expected {cost}")
        if not (date > item["date"] and in_range(date)):
            errors.append(f"{k}: new date {date} is not after {item['date']} inside the range")
        if not_before and to < not_before:
            errors.append(f"{k}: new time {to} is before now ({not_before})")
        if not clinic.works(item["doctor"], date):
            errors.append(f"{k}: doctor {item['doctor']} does not work on {date}")
            continue
        if start % grid:
            errors.append(f"{k}: start {to} is not on the {grid}-minute grid")
        rule = clinic.schedule(item["doctor"], date)
        window = rule["patient"] if item["kind"] == "appointment" else rule["rep"]
        if not (window[0] <= start and start + length <= window[1]):
            errors.append(f"{k}: [{start}, {start + length}) is outside the window {window} on {date}")
    for k in needing:
        if k not in seen:
            errors.append(f"{k}: needs a new slot but the result does not name it (lost)")

    # Caps and overlaps on each date, with everything that stays and everything moved there.
    cap_counts = defaultdict(int)
    for item in staying:
        cap_counts[(item["doctor"], item["date"], item["kind"])] += 1
    by_date = defaultdict(list)
    for item in staying + placed:
        by_date[item["date"]].append(item)
    for item in placed:
        cap_counts[(item["doctor"], item["date"], item["kind"])] += 1
    for item in placed:
        rule = clinic.schedule(item["doctor"], item["date"])
        if rule is None:
            continue
        cap = rule["max_patients"] if item["kind"] == "appointment" else rule["max_reps"]
        count = cap_counts[(item["doctor"], item["date"], item["kind"])]
        if count > cap:
            errors.append(f"{item['kind']} {item['id']} moved to {item['date']}: {count} on the day, cap {cap}")
    for date, items in by_date.items():
        for item in (i for i in items if i.get("moved")):
            for other in items:
                if other is item:
                    continue
                shares = other["doctor"] == item["doctor"] or \
                    (item["kind"] == "rep_visit" and other["kind"] == "rep_visit" and other["rep"] == item["rep"]) or \
                    (item["kind"] == "appointment" and other["kind"] == "appointment" and other["patient"] == item["patient"])
                if shares and item["start"] < other["start"] + other["length"] and other["start"] < item["start"] + item["length"]:
                    errors.append(f"{item['kind']} {item['id']} moved to {date} {item['start']}: overlaps "
                                  f"{other['kind']} {other['id']} at {other['start']}")
    summary = result["summary"]
    if summary["objective"] != objective:
        errors.append(f"objective {summary['objective']} reported, the moves add up to {objective}")
    if summary.get("bound") is not None and summary["bound"] > summary["objective"]:
        errors.append(f"bound {summary['bound']} above the objective {summary['objective']}")
    unplaced = sum(1 for m in moves if m.get("to") is None)
    return {"ok": not errors, "items": len(needing), "placed": len(placed), "unplaced": unplaced,
            "objective": objective, "errors": errors[:20]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("result")
    parser.add_argument("--close", action="append", default=[], help="DATE[:REASON], as given to rebook (every doctor)")
    parser.add_argument("--grid", type=int)
    args = parser.parse_args()
    closures = [(None, dt.date.fromisoformat(c.split(":")[0])) for c in args.close]
    clinic = Clinic(args.folder, closures)
    result = json.load(open(args.result))
    report = check(clinic, result, args.grid or clinic.grid)
    print(json.dumps(report))
    sys.exit(0 if report["ok"] else 1)


if __name__ == "__main__":
    main()
