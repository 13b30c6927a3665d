#!/usr/bin/env python3
"""The baseline a data team would write: the same conflicts as `clinic-plan conflicts`, found with
pandas from the same mongoexport files (JSON Lines, relaxed Extended JSON, UTC).

Usage: conflicts_pandas.py DATA_DIR FROM_DATE DAYS
Prints one JSON object: {"seconds": ..., "summary": {"<kind>": count, ...}}.
"""
import json
import sys
import time

import pandas as pd

started = time.perf_counter()
folder, first, days = sys.argv[1], pd.Timestamp(sys.argv[2]), int(sys.argv[3])
dates = pd.DataFrame({"date": pd.date_range(first, periods=days, freq="D")})
dates["weekday"] = (dates["date"].dt.day_of_week + 1) % 7  # Sunday = 0, as the clinics count
DAYS = {"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}


def read(name):
    return pd.read_json(f"{folder}/{name}", lines=True, dtype=False)


def oid(column):
    return column.map(lambda v: v["$oid"] if isinstance(v, dict) else str(v))


def instant(column):
    return pd.to_datetime(column.map(lambda v: v["$date"] if isinstance(v, dict) else v), utc=True, format="ISO8601")


def minutes(column):
    parts = column.str.split(":", expand=True).astype(int)
    return parts[0] * 60 + parts[1]


# Schedules: the first for each doctor and weekday is the one used.
schedules = read("schedules.json")
schedules["doctor"] = oid(schedules["doctor_id"])
schedules["weekday"] = schedules["day"].str.lower().map(DAYS)
for column in ["patient_start_time", "patient_end_time", "rep_start_time", "rep_end_time"]:
    schedules[column] = minutes(schedules[column])
schedules["length"] = schedules.get("appointment_minutes", pd.Series(15, index=schedules.index)).fillna(15).astype(int)
used = schedules.drop_duplicates(["doctor", "weekday"])

closed = read("clinic_days.json")
closed = closed[closed["is_open"] == False]  # noqa: E712
closed = pd.DataFrame({"doctor": oid(closed["doctor_id"]),
                       "date": instant(closed["date"]).dt.tz_localize(None).dt.normalize(), "closed": True})
closed = closed.drop_duplicates(["doctor", "date"])

# Appointment occurrences: dated ones on their date, standing ones on every matching weekday
# except their skip_dates.
appointments = read("appointments.json")
appointments = appointments[appointments["status"].str.lower() == "booked"].copy()
appointments["id"] = oid(appointments["_id"])
appointments["doctor"] = oid(appointments["doctor_id"])
appointments["patient"] = oid(appointments["patient_id"])
appointments["start"] = minutes(appointments["time"])
has_date = appointments["date"].notna() if "date" in appointments else pd.Series(False, index=appointments.index)
dated = appointments[has_date].copy()
dated["date"] = instant(dated["date"]).dt.tz_localize(None).dt.normalize()
dated = dated[(dated["date"] >= dates["date"].min()) & (dated["date"] <= dates["date"].max())]
dated["weekday"] = (dated["date"].dt.day_of_week + 1) % 7
weekly = appointments[~has_date].drop(columns=["date"], errors="ignore").copy()
weekly["weekday"] = weekly["day"].str.lower().map(DAYS)
weekly = weekly.merge(dates, on="weekday")
if "skip_dates" in weekly and len(weekly):
    skips = weekly["skip_dates"].map(
        lambda v: {pd.Timestamp(d["$date"]).tz_localize(None).normalize() for d in v} if isinstance(v, list) else set())
    weekly = weekly[[d not in s for d, s in zip(weekly["date"], skips)]]
occurrences = pd.concat([dated, weekly], ignore_index=True)[["id", "doctor", "patient", "date", "weekday", "start"]]
occurrences = occurrences.merge(used[["doctor", "weekday", "length"]], on=["doctor", "weekday"], how="left")
occurrences["length"] = occurrences["length"].fillna(15).astype(int)
occurrences["kind"] = "appointment"

visits = read("rep_visits.json")
visits = visits[visits["status"].isin(["scheduled", "completed"])].copy()
at = instant(visits["date"]).dt.tz_localize(None)
visits = pd.DataFrame({
    "id": oid(visits["_id"]), "doctor": oid(visits["doctor_id"]), "rep": oid(visits["rep_id"]),
    "date": at.dt.normalize(), "start": at.dt.hour * 60 + at.dt.minute,
    "length": visits["visit_summary"].map(
        lambda s: s.get("duration_min") if isinstance(s, dict) and (s.get("duration_min") or 0) > 0 else 15),
    "kind": "visit"})
visits = visits[(visits["date"] >= dates["date"].min()) & (visits["date"] <= dates["date"].max())]
visits["weekday"] = (visits["date"].dt.day_of_week + 1) % 7
items = pd.concat([occurrences, visits], ignore_index=True)
items["end"] = items["start"] + items["length"]

summary = {}

# closed_day, then no_schedule, then outside_hours: at most one per item.
items = items.merge(closed, on=["doctor", "date"], how="left")
items = items.merge(used[["doctor", "weekday", "patient_start_time", "patient_end_time", "rep_start_time",
                          "rep_end_time", "max_patients", "max_reps"]], on=["doctor", "weekday"], how="left")
is_closed = items["closed"].fillna(False).astype(bool)
no_schedule = ~is_closed & items["patient_start_time"].isna()
window_start = items["patient_start_time"].where(items["kind"] == "appointment", items["rep_start_time"])
window_end = items["patient_end_time"].where(items["kind"] == "appointment", items["rep_end_time"])
outside = ~is_closed & ~no_schedule & ((items["start"] < window_start) | (items["end"] > window_end))
summary["closed_day"] = int(is_closed.sum())
summary["no_schedule"] = int(no_schedule.sum())
summary["outside_hours"] = int(outside.sum())


def clusters(frame, key):
    """Clusters of overlapping [start, end) items per key and date, with two or more items."""
    frame = frame.sort_values([key, "date", "start", "end"])
    group = frame.groupby([key, "date"], sort=False)
    reach = group["end"].cummax()
    previous = reach.groupby([frame[key], frame["date"]], sort=False).shift()
    new = previous.isna() | (frame["start"] >= previous)
    cluster = new.cumsum()
    sizes = cluster.value_counts()
    return int((sizes >= 2).sum())


summary["double_booking"] = clusters(items, "doctor")
summary["rep_double_booked"] = clusters(items[items["kind"] == "visit"], "rep")
summary["patient_double_booked"] = clusters(items[items["kind"] == "appointment"], "patient")

# over_capacity: on dates the doctor works, booked appointments over max_patients, visits over max_reps.
works = ~is_closed & ~no_schedule
per_day = items[works].groupby(["doctor", "date", "kind"]).agg(
    count=("id", "size"), max_patients=("max_patients", "first"), max_reps=("max_reps", "first")).reset_index()
limit = per_day["max_patients"].where(per_day["kind"] == "appointment", per_day["max_reps"])
summary["over_capacity"] = int((per_day["count"] > limit).sum())

# invalid_schedule: overlapping windows, and repeated doctor/weekday pairs.
overlap = (schedules["patient_start_time"] < schedules["rep_end_time"]) & (
    schedules["rep_start_time"] < schedules["patient_end_time"])
repeated = schedules.groupby(["doctor", "weekday"]).size()
summary["invalid_schedule"] = int(overlap.sum()) + int((repeated >= 2).sum())

print(json.dumps({"seconds": time.perf_counter() - started,
                  "summary": {k: v for k, v in summary.items() if v}}))
