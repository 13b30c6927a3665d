#!/usr/bin/env python3
"""A bounded load test of `clinic-plan serve` on loopback (wrk from Debian, installed by
scripts/setup.sh): 50 concurrent readers for DURATION seconds (25 on the week page, 25 on
GET /api/v1/plan, each a wrk run) while 5 writer threads book free slots and cancel them through
the API. Afterwards the data folder is checked: every booking the server confirmed is in
appointments.json exactly once, cancelled; no refused booking is there; the conflicts are the
same as before the run (no double booking). Prints one Markdown table row per run.

Usage: serve_load.py CLINIC_PLAN_BINARY DATA_FOLDER LABEL [DURATION]
"""
import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/tests/web")
from serve_fixture import Served  # noqa: E402
from serve_session import bearer_token  # noqa: E402


def admin_email(folder):
    """The first admin's email: generated clinics name their admin at random."""
    text = open(f"{folder}/users.json").read().strip()
    users = json.loads(text) if text.startswith("[") else [json.loads(line) for line in text.splitlines() if line.strip()]
    return next(u["email"] for u in users if u.get("role") == "admin")

BINARY, DATA, LABEL = sys.argv[1], sys.argv[2], sys.argv[3]
DURATION = int(sys.argv[4]) if len(sys.argv) > 4 else 20
WRK_LUA = """
wrk.headers["Authorization"] = "Bearer %s"
"""


def api(base, token, method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def conflicts(folder):
    run = subprocess.run([BINARY, "conflicts", "--data", folder, "--from", "2026-11-29", "--days", "28", "--format", "json"],
                         capture_output=True, text=True)
    return json.loads(run.stdout)["conflicts"]


def wrk(url, token, connections, script_path, out):
    run = subprocess.run(["wrk", "-t", "1", "-c", str(connections), "-d", f"{DURATION}s", "--timeout", "10s", "--latency",
                          "-s", script_path, url], capture_output=True, text=True)
    out.append(run.stdout)


def p99(text):
    match = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def field(text, pattern):
    match = re.search(pattern, text)
    return int(match.group(1)) if match else 0


served = Served(BINARY, DATA)
try:
    base = served.url
    token = bearer_token(base, email=admin_email(served.folder))
    before = conflicts(served.folder)
    people = api(base, token, "GET", "/api/v1/people")[1]
    plan = api(base, token, "GET", "/api/v1/plan?week=2026-12-06")[1]
    # Each writer takes its own doctors' free slots: writers never race for the same slot, so every
    # booking must succeed, and each is cancelled again right after.
    slots = []
    for doctor in plan["doctors"]:
        for day in doctor["days"]:
            for slot in day.get("free_patient_slots", []):
                slots.append((doctor["doctor_id"], day["date"], slot["start"]))
    patients = [p["_id"] for p in people["patients"]]
    script = f"/tmp/clinic-serve-wrk-{served.port}.lua"
    with open(script, "w") as file:
        file.write(WRK_LUA % token)
    booked, failed, lock = [], [], threading.Lock()
    stop = time.time() + DURATION

    def writer(n):
        mine = [s for i, s in enumerate(slots) if i % 5 == n]
        for i, (doctor, date, start) in enumerate(mine):
            if time.time() > stop:
                break
            # A patient busy elsewhere at that time is refused by check 4 (422): the next one is asked.
            for k in range(10):
                status, body = api(base, token, "POST", "/api/v1/bookings",
                                   {"doctor": doctor, "patient": patients[(n * 7 + i + k) % len(patients)], "date": date,
                                    "time": start})
                if status != 422:
                    break
            if status != 201:
                with lock:
                    failed.append((status, body.get("detail")))
                continue
            cancel, _ = api(base, token, "DELETE", f"/api/v1/bookings/{body['_id']}")
            with lock:
                booked.append((body["_id"], cancel))

    outputs = {"week": [], "api": []}
    first = plan["doctors"][0]["doctor_id"]
    readers = [threading.Thread(target=wrk, args=(f"{base}/week?date=2026-12-06&doctor={first}", token, 25, script, outputs["week"])),
               threading.Thread(target=wrk, args=(f"{base}/api/v1/plan?week=2026-12-06&doctor={first}", token, 25, script, outputs["api"]))]
    writers = [threading.Thread(target=writer, args=(n,)) for n in range(5)]
    for thread in readers + writers:
        thread.start()
    for thread in readers + writers:
        thread.join()

    appointments = {}
    text = open(served.folder + "/appointments.json").read()
    # A JSON array or JSON Lines (mongoexport's two layouts).
    documents = json.loads(text) if text.lstrip().startswith("[") else [json.loads(l) for l in text.splitlines() if l.strip()]
    for document in documents:
        appointments.setdefault(document["_id"]["$oid"] if isinstance(document["_id"], dict) else str(document["_id"]), []).append(document)
    lost = [i for i, _ in booked if len(appointments.get(i, [])) != 1]
    not_cancelled = [i for i, _ in booked if appointments.get(i) and appointments[i][0].get("status") != "cancelled"]
    after = conflicts(served.folder)
    week, api_text = outputs["week"][0], outputs["api"][0]
    errors = sum(field(t, r"Non-2xx or 3xx responses: (\d+)") + field(t, r"Socket errors: connect (\d+)") +
                 field(t, r"read (\d+)") + field(t, r"timeout (\d+)") for t in (week, api_text))
    requests = field(week, r"(\d+) requests in") + field(api_text, r"(\d+) requests in")
    print(f"| {LABEL} | {DURATION} s | {requests} | {errors} | {p99(week):.1f} ms | {p99(api_text):.1f} ms | "
          f"{len(booked)} booked+cancelled, {len(failed)} refused | {len(lost)} | {len(not_cancelled)} | "
          f"{'same' if after == before else 'CHANGED'} |")
    sys.stderr.write(week + api_text)
    ok = errors == 0 and not failed and not lost and not not_cancelled and after == before and all(c == 200 for _, c in booked)
    sys.exit(0 if ok else 1)
finally:
    served.stop()
