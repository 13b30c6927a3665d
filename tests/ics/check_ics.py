#!/usr/bin/env python3
"""Checks `clinic-plan plan --format ics` with a real iCalendar parser (Python's icalendar package,
Debian's python3-icalendar, installed by scripts/setup.sh).

Usage: check_ics.py CLINIC_PLAN_BINARY SAMPLE_FOLDER

For three zones (Africa/Cairo, UTC, and America/New_York on the week its clocks go back), it
exports the sample's week, parses the file, and checks: RFC 5545 framing (CRLF, lines folded at
75 octets), no parse errors in any component, one event per plan item with the right UID and the
right instant (the plan's local times read in the zone with Python's zoneinfo, and again with the
file's own VTIMEZONE), unique and stable UIDs, per-doctor files that are subsets of the full one,
and that a calendar re-importing the plan after a rebooking and a cancellation (by UID, SEQUENCE
and STATUS:CANCELLED) holds every booking once, at its new time.
Prints "ics: N passed, 0 failed" and exits 0, or prints what failed and exits 1.
"""
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

BINARY, SAMPLE = sys.argv[1], sys.argv[2]
AHMED = "65f000010000000000000001"  # Dr. Ahmed Hassan: standing and dated bookings, a closed Thursday
failures = []
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)


def run(*args):
    result = subprocess.run([BINARY, *args], capture_output=True)
    if result.returncode != 0:
        sys.exit(f"clinic-plan {' '.join(args)} failed ({result.returncode}): {result.stderr.decode()}")
    return result.stdout


def export(week, zone, doctor=None, folder=None, data=SAMPLE, weeks=1):
    extra = ["--doctor", doctor] if doctor else []
    common = ["plan", "--data", data, "--week", week, "--weeks", str(weeks), "--timezone", zone, *extra]
    path = Path(folder) / f"plan-{zone.replace('/', '-')}-{doctor or 'all'}.ics"
    run(*common, "--format", "ics", "-o", str(path))
    plan = json.loads(run(*common, "--format", "json"))
    return path.read_bytes(), plan


def framing(raw, label):
    check(raw.endswith(b"\r\n"), f"{label}: the file must end with CRLF")
    lines = raw.split(b"\r\n")[:-1]
    check(all(b"\n" not in line and b"\r" not in line for line in lines), f"{label}: bare LF or CR inside a line")
    long = [line for line in lines if len(line) > 75]
    check(not long, f"{label}: {len(long)} line(s) longer than 75 octets, e.g. {long[:1]}")
    for line in lines:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            check(False, f"{label}: folding split a UTF-8 character: {line!r}")
            break


def parse(raw, label):
    calendar = icalendar.Calendar.from_ical(raw)
    for component in calendar.walk():
        check(not component.errors, f"{label}: {component.name} has parse errors {component.errors}")
    check(str(calendar.get("VERSION")) == "2.0", f"{label}: VERSION must be 2.0")
    check(calendar.get("PRODID") is not None, f"{label}: PRODID missing")
    return calendar


def expected_items(plan):
    """(uid prefix, kind, local start, local end) for every plan item, from the plan's JSON."""
    items = []
    for doctor in plan["doctors"]:
        for day in doctor["days"]:
            date = dt.date.fromisoformat(day["date"])
            for item in day["items"]:
                items.append((item["id"], item["kind"], date, item["start"], item["end"]))
    return items


def local(date, hhmm, zone):
    hours, minutes = map(int, hhmm.split(":"))
    start = dt.datetime.combine(date, dt.time()) + dt.timedelta(hours=hours, minutes=minutes)
    return start.replace(tzinfo=ZoneInfo(zone))


def cancelled(event):
    return str(event.get("STATUS", "")) == "CANCELLED"


def reimport(store, calendar):
    """What a calendar app does with a re-imported file: an event replaces the one with its UID
    unless its SEQUENCE is lower; a cancelled event removes it."""
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        sequence = int(event.get("SEQUENCE", 0))
        if uid in store and sequence < int(store[uid].get("SEQUENCE", 0)):
            continue
        if cancelled(event):
            store.pop(uid, None)
        else:
            store[uid] = event
    return store


def check_reimport_after_rebooking(folder, weeks, closure, name):
    """A calendar that imported the plan before a rebooking holds every booking once, at its new
    time, after importing the plan made after it: moved events updated (also those moved out of
    the plan's weeks), moved weekly occurrences and cancelled bookings removed."""
    data = Path(folder) / name
    shutil.copytree(SAMPLE, data)
    label = f"re-import after rebooking ({name})"
    before = parse(export("2026-11-29", "UTC", folder=folder, data=str(data), weeks=weeks)[0], label + " (before)")
    store = reimport({}, before)
    env = dict(os.environ, CLINIC_PASSWORD="clinic-demo")
    result = subprocess.run([BINARY, "rebook", "--data", str(data), "--from", "2026-11-29", "--not-before", "2026-11-29",
                             "--days", "14", "--close", closure, "--apply",
                             "--as", "admin@clinicplan.example"], capture_output=True, env=env)
    check(result.returncode == 0, f"{label}: rebook --apply failed: {result.stderr.decode()}")
    result = subprocess.run([BINARY, "cancel", "65f000060000000000000009", "--data", str(data),
                             "--as", "admin@clinicplan.example"], capture_output=True, env=env)
    check(result.returncode == 0, f"{label}: cancel failed: {result.stderr.decode()}")
    raw, plan = export("2026-11-29", "UTC", folder=folder, data=str(data), weeks=weeks)
    after = parse(raw, label + " (after)")
    store = reimport(store, after)
    active = {str(e["UID"]): e for e in after.walk("VEVENT") if not cancelled(e)}
    check(set(store) == set(active), f"{label}: the calendar holds {len(store)} events, the file {len(active)}; "
          f"stale: {sorted(set(store) - set(active))[:5]}")
    for uid, event in active.items():
        held = store.get(uid)
        check(held is not None and held.decoded("DTSTART") == event.decoded("DTSTART"),
              f"{label}: {uid} is not at its new time in the calendar")
    first = dt.date(2026, 11, 29)
    last = first + dt.timedelta(days=7 * weeks - 1)
    timed = [e for e in active.values() if isinstance(e.decoded("DTSTART"), dt.datetime)]
    inside = [e for e in timed if first <= e.decoded("DTSTART").date() <= last]
    check(len(inside) == len(expected_items(plan)), f"{label}: one event per plan item")
    outside = [e for e in timed if not first <= e.decoded("DTSTART").date() <= last]
    check(all(int(e.get("SEQUENCE", 0)) > 0 for e in outside), f"{label}: only moved bookings lie outside the weeks")
    moved = [e for e in after.walk("VEVENT") if int(e.get("SEQUENCE", 0)) > 0 and not cancelled(e)]
    check(len(moved) > 0, f"{label}: moved bookings must carry a higher SEQUENCE")
    check(any(cancelled(e) for e in after.walk("VEVENT")), f"{label}: the file must cancel what moved away")
    return outside


def events_by_uid(calendar, label):
    events = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID"))
        check(uid not in events, f"{label}: UID {uid} appears twice")
        events[uid] = event
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            check(event.get(required) is not None, f"{label}: event {uid} has no {required}")
        stamp = event.decoded("DTSTAMP")
        check(stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0), f"{label}: DTSTAMP must be UTC")
    return events


def check_export(week, zone, folder):
    label = f"{zone} week of {week}"
    raw, plan = export(week, zone, folder=folder)
    framing(raw, label)
    calendar = parse(raw, label)
    events = events_by_uid(calendar, label)
    vtimezones = calendar.walk("VTIMEZONE")
    if zone == "UTC":
        check(not vtimezones, f"{label}: UTC needs no VTIMEZONE")
    else:
        check(len(vtimezones) == 1 and str(vtimezones[0]["TZID"]) == zone, f"{label}: one VTIMEZONE {zone} expected")
    own_zone = vtimezones[0].to_tz() if vtimezones else None

    items = expected_items(plan)
    timed = [e for e in events.values() if isinstance(e.decoded("DTSTART"), dt.datetime) and not cancelled(e)]
    check(len(timed) == len(items), f"{label}: {len(timed)} timed events for {len(items)} plan items")
    for item_id, kind, date, start, end in items:
        candidates = [f"{item_id}@clinic-plan", f"{item_id}-{date:%Y%m%d}@clinic-plan"]
        event = next((events[u] for u in candidates if u in events), None)
        check(event is not None, f"{label}: no event for {kind} {item_id} on {date}")
        if event is None:
            continue
        begins, ends = event.decoded("DTSTART"), event.decoded("DTEND")
        want_start, want_end = local(date, start, zone), local(date, end, zone)
        check(begins.tzinfo is not None, f"{label}: {item_id} DTSTART is floating")
        check(begins == want_start, f"{label}: {item_id} starts {begins}, expected {want_start}")
        check(ends == want_end, f"{label}: {item_id} ends {ends}, expected {want_end}")
        if own_zone is not None:
            # The file's own VTIMEZONE must place the wall time at the same instant.
            wall = dt.datetime.combine(date, dt.time(*map(int, start.split(":"))))
            placed = own_zone.localize(wall) if hasattr(own_zone, "localize") else wall.replace(tzinfo=own_zone)
            check(placed.utcoffset() == want_start.utcoffset(),
                  f"{label}: VTIMEZONE gives {placed.utcoffset()} at {wall}, zoneinfo {want_start.utcoffset()}")
        summary = str(event.get("SUMMARY"))
        check(("Patient: " if kind == "appointment" else "Rep visit: ") in summary, f"{label}: summary {summary!r}")
    closed_days = [d for doctor in plan["doctors"] for d in doctor["days"] if d["status"] == "closed"]
    all_day = [e for e in events.values() if type(e.decoded("DTSTART")) is dt.date]
    check(len(all_day) == len(closed_days), f"{label}: {len(all_day)} all-day events for {len(closed_days)} closed days")
    return raw, events


def main():
    with tempfile.TemporaryDirectory() as folder:
        cairo, cairo_events = check_export("2026-11-29", "Africa/Cairo", folder)
        check_export("2026-11-29", "UTC", folder)
        check_export("2026-11-01", "America/New_York", folder)

        # Stable UIDs: a second export (new DTSTAMP) has exactly the same UIDs, so re-importing updates.
        again = parse(export("2026-11-29", "Africa/Cairo", folder=folder)[0], "second export")
        check(set(str(e["UID"]) for e in again.walk("VEVENT")) == set(cairo_events),
              "a second export must have the same UIDs")
        # A standing weekly booking gets one UID per date; the next week's export has new ones for it.
        weekly = "65f000060000000000000001"  # Mohamed Saeed, every Sunday 09:00 with Dr. Ahmed Hassan
        check(f"{weekly}-20261129@clinic-plan" in cairo_events, "weekly occurrence UID must carry its date")
        next_week = parse(export("2026-12-06", "Africa/Cairo", folder=folder)[0], "next week")
        check(f"{weekly}-20261206@clinic-plan" in set(str(e["UID"]) for e in next_week.walk("VEVENT")),
              "next week's occurrence must have its own UID")
        # One doctor's calendar: a subset of the full calendar, with the closure as an all-day event.
        ahmed_raw, ahmed_plan = export("2026-11-29", "Africa/Cairo", doctor=AHMED, folder=folder)
        ahmed = events_by_uid(parse(ahmed_raw, "Dr. Ahmed Hassan"), "Dr. Ahmed Hassan")
        check(set(ahmed) <= set(cairo_events), "a doctor's UIDs must be a subset of the full calendar's")
        active = [e for e in ahmed.values() if not cancelled(e)]
        check(len(active) == 6 + 1, f"Dr. Ahmed Hassan: 6 appointments and 1 closure expected, got {len(active)}")
        closure = ahmed.get("65f000050000000000000001@clinic-plan")
        check(closure is not None and closure.decoded("DTSTART") == dt.date(2026, 12, 3),
              "the conference closure must be an all-day event on 2026-12-03")
        check_reimport_after_rebooking(folder, 2, "2026-12-01:Training", "two-weeks")
        # Thursday's bookings move to the next week, out of a one-week file: it still carries them.
        outside = check_reimport_after_rebooking(folder, 1, "2026-12-03:Power cut", "one-week")
        check(len(outside) > 0, "a booking moved out of the week must be in the one-week file")

    for failure in failures:
        print("FAIL:", failure)
    print(f"ics: {checks - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


main()
