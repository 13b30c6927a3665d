#!/usr/bin/env python3
"""The rebooking benchmark matrix: clinic-plan's solvers against HiGHS and CP-SAT on generated clinics.

Every cell (size, shape, seed, range length, grid) is one `clinic-plan generate` folder; on it the
driver runs, one after the other (2 cores: nothing runs beside a measured process):

  rebook --solver greedy                      greedy objective and wall time
  rebook --solver glpk --time-limit L         for each L in --limits (default 10 and 60)
  rebook --export-model model.mps             the monolithic time-indexed MIP, then
  highs_rebook.py --threads 2 B model.mps     HiGHS, B = --baseline-limit (default 60 s)
  cpsat_rebook.py --workers 2 B' model.mps    CP-SAT, B' = B, or --big-baseline-limit (300 s)
                                              for the 1,000-doctor cells

Wall time is measured from outside (process start to exit) and peak memory with /usr/bin/time -v
when it is there. rebook's exit status 0 or 1 with valid JSON is a result; anything else (a crash,
a kill at --kill-after x limit + 30 s, unreadable output) is an error, recorded in the table.

Writes a markdown section (--out, default benchmarks/results-rebook.md) after every cell, and
every run as one JSON line (--jsonl, default benchmarks/results-rebook.jsonl).

  benchmarks/rebook.sh --quick                               # smoke run: 5 cells, 2-3 minutes
  benchmarks/rebook.sh                                       # the full matrix (see --dry-run)
  benchmarks/rebook.sh --sizes 200 --seeds 1 --shapes near-cap,overfull --limits 5 --baseline-limit 20
"""
import argparse
import datetime
import fcntl
import json
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FROM = "2026-12-06"  # a Sunday; generate's bookings and the rebooking range both start here

# People per doctor, as in the README's generate example (200 doctors, 150 reps, 3,000 patients,
# 1,000 rescheduled visits): about 1,000 rescheduled visits at 200 doctors, 5,000 at 1,000.
REPS_PER_DOCTOR, PATIENTS_PER_DOCTOR, RESCHEDULED_PER_DOCTOR = 0.75, 15, 5

ALL_SHAPES = ["standard", "closures", "near-cap", "overfull", "shared-people", "long-visits", "no-closures"]
# The 1,000-doctor cells are few (each takes 10 minutes or more); the --grid 15 and --days 28
# variations run on seed 1 of these shapes at the smaller sizes.
BIG_SIZE, BIG_SHAPES, BIG_SEEDS = 1000, ["standard", "closures"], 2
VARIATION_SHAPES = ["standard", "near-cap", "long-visits"]


# MARK: - running one process

# With --lock: every run holds this file's lock (flock), taken before its clock starts, so that
# builds on a shared machine go between runs rather than during them, and no wait is timed.
LOCK_PATH = None


def run_measured(command, timeout, cwd=None):
    """Runs `command` in a session of its own, killed (with all its children) after `timeout`
    seconds. Returns (exit status or None when killed, wall seconds, peak RSS in KB or None,
    stdout, stderr)."""
    if LOCK_PATH is None:
        return run_unlocked(command, timeout, cwd)
    with open(LOCK_PATH, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return run_unlocked(command, timeout, cwd)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def run_unlocked(command, timeout, cwd=None):
    time_file = None
    if os.access("/usr/bin/time", os.X_OK):
        handle, time_file = tempfile.mkstemp(prefix="rebook-time-")
        os.close(handle)
        command = ["/usr/bin/time", "-v", "-o", time_file] + command
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                               start_new_session=True, text=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
        status = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the session holds only what this call started
        stdout, stderr = process.communicate()
        status = None
    wall = time.perf_counter() - started
    rss = None
    if time_file:
        with open(time_file) as handle:
            for line in handle:
                if "Maximum resident set size" in line:
                    rss = int(line.rsplit(":", 1)[1])
        os.unlink(time_file)
    return status, wall, rss, stdout, stderr


def json_lines(text):
    """The JSON objects among the lines of `text` (HiGHS prints a banner before its line)."""
    objects = []
    for line in text.splitlines():
        if line.startswith("{"):
            try:
                objects.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return objects


def finite(value):
    """`value`, or None for an infinite or NaN float (a bound not found yet): JSON has no infinity."""
    return None if isinstance(value, float) and not math.isfinite(value) else value


def last_words(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


# MARK: - one cell

class Cell:
    def __init__(self, doctors, shape, seed, days=14, grid=5):
        self.doctors, self.shape, self.seed, self.days, self.grid = doctors, shape, seed, days, grid

    @property
    def key(self):
        return {"doctors": self.doctors, "shape": self.shape, "seed": self.seed, "days": self.days, "grid": self.grid}

    def generate_arguments(self, folder):
        d = self.doctors
        weeks = max(4, -(-self.days // 7))
        return ["generate", "--doctors", str(d), "--reps", str(max(1, round(d * REPS_PER_DOCTOR))),
                "--patients", str(d * PATIENTS_PER_DOCTOR), "--rescheduled", str(d * RESCHEDULED_PER_DOCTOR),
                "--seed", str(self.seed), "--from", FROM, "--weeks", str(weeks), "--shape", self.shape, "-o", folder]

    def rebook_arguments(self, folder):
        return ["rebook", "--data", folder, "--from", FROM, "--not-before", FROM, "--days", str(self.days), "--grid", str(self.grid),
                "--format", "json"]


def rebook_record(cell, name, limit, status, wall, rss, stdout, stderr):
    record = {"cell": cell.key, "run": name, "limit": limit, "exit": status, "wall": round(wall, 3), "rss_kb": rss}
    if status is None:
        record["error"] = f"killed after {wall:.0f} s"
        return record
    if status not in (0, 1):
        record["error"] = f"exit {status}: {last_words(stderr)}"
        return record
    try:
        summary = json.loads(stdout)["summary"]
    except (json.JSONDecodeError, KeyError, TypeError):
        record["error"] = f"exit {status}, no JSON summary: {last_words(stderr)}"
        return record
    items = sum(summary[k]["moved"] + summary[k]["unplaced"] for k in ("appointments", "rep_visits"))
    unplaced = sum(summary[k]["unplaced"] for k in ("appointments", "rep_visits"))
    record.update({"status": summary.get("status"), "objective": summary.get("objective"),
                   "bound": summary.get("bound"), "seconds": summary.get("seconds"),
                   "items": items, "unplaced": unplaced})
    return record


def baseline_record(cell, name, limit, status, wall, rss, stdout, stderr):
    record = {"cell": cell.key, "run": name, "limit": limit, "exit": status, "wall": round(wall, 3), "rss_kb": rss}
    objects = json_lines(stdout)
    if status is None:
        record["error"] = f"killed after {wall:.0f} s"
    elif not objects:
        record["error"] = f"exit {status}, no result: {last_words(stderr)}"
    elif "error" in objects[-1]:
        record["error"] = objects[-1]["error"]
    else:
        result = objects[-1]
        record.update({k: finite(result.get(k)) for k in ("status", "objective", "bound", "seconds", "read_seconds",
                                                           "columns", "rows")})
    return record


def run_cell(cell, options, tool, emit):
    """Runs every solver on one cell; `emit` receives each record as soon as it exists."""
    work = tempfile.mkdtemp(prefix="rebook-matrix-")
    try:
        folder = os.path.join(work, "data")
        status, wall, _, _, stderr = run_measured([tool] + cell.generate_arguments(folder), timeout=3600)
        if status != 0:
            emit({"cell": cell.key, "run": "generate", "exit": status, "wall": round(wall, 3),
                  "error": f"generate failed: {last_words(stderr)}"})
            return
        emit({"cell": cell.key, "run": "generate", "exit": 0, "wall": round(wall, 3)})
        base = [tool] + cell.rebook_arguments(folder)
        kill = lambda limit: options.kill_after * limit + 30  # noqa: E731 - a one-line rule
        emit(rebook_record(cell, "greedy", None, *run_measured(base + ["--solver", "greedy"], timeout=600)))
        for limit in options.limits:
            command = base + ["--solver", "glpk", "--time-limit", str(limit)]
            emit(rebook_record(cell, f"glpk@{limit:g}", limit, *run_measured(command, timeout=kill(limit))))
        model = os.path.join(work, "model.mps")
        status, wall, _, _, stderr = run_measured(base + ["--solver", "greedy", "--export-model", model], timeout=1800)
        if status not in (0, 1) or not os.path.exists(model):
            emit({"cell": cell.key, "run": "export", "exit": status, "wall": round(wall, 3),
                  "error": f"export failed: {last_words(stderr)}"})
            return
        emit({"cell": cell.key, "run": "export", "exit": status, "wall": round(wall, 3),
              "mps_bytes": os.path.getsize(model)})
        limit = options.baseline_limit
        for record in options.earlier_baselines.get(json.dumps(cell.key, sort_keys=True), []):
            emit(dict(record, earlier=True))
        if options.highs:
            command = [sys.executable, os.path.join(HERE, "highs_rebook.py"), "--threads", "2", str(limit), model]
            emit(baseline_record(cell, "highs", limit, *run_measured(command, timeout=kill(limit) + 60)))
        if options.cpsat:
            big = options.big_baseline_limit if cell.doctors >= BIG_SIZE else limit
            command = [sys.executable, os.path.join(HERE, "cpsat_rebook.py"), "--workers", "2", str(big), model]
            emit(baseline_record(cell, "cpsat", big, *run_measured(command, timeout=kill(big) + 120)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


# MARK: - the plan

def plan(options):
    cells = []
    for doctors in options.sizes:
        big = doctors >= BIG_SIZE and not options.explicit_shapes
        shapes = BIG_SHAPES if big else options.shapes
        seeds = options.seeds[:BIG_SEEDS] if big and not options.explicit_seeds else options.seeds
        for shape in shapes:
            for seed in seeds:
                cells.append(Cell(doctors, shape, seed))
        if options.variations and doctors < BIG_SIZE:
            for shape in [s for s in VARIATION_SHAPES if s in shapes]:
                cells.append(Cell(doctors, shape, seeds[0], grid=15))
                cells.append(Cell(doctors, shape, seeds[0], days=28))
    return cells


def worst_case_seconds(cell, options):
    """What a cell takes at most before any kill: the limits plus the baselines' limits."""
    baseline = (options.baseline_limit if options.highs else 0) + (
        (options.big_baseline_limit if cell.doctors >= BIG_SIZE else options.baseline_limit) if options.cpsat else 0)
    return sum(options.limits) + baseline


# MARK: - the markdown

def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def commit():
    try:
        return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def fmt(value, digits=0):
    if value is None:
        return "—"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def gap(objective, best):
    if objective is None or best is None:
        return None
    return (objective - best) / max(1, abs(best))


def percent(value):
    return "—" if value is None else f"{100 * value:.2f}%"


def render(records, options, cells, started):
    by_cell = {}
    for record in records:
        by_cell.setdefault(json.dumps(record["cell"], sort_keys=True), {})[record["run"]] = record
    limits = options.limits
    lines = [
        "## Rebooking matrix: clinic-plan (greedy, glpk) against HiGHS and CP-SAT",
        "",
        f"Machine: {machine()}. Commit {commit()}; `benchmarks/rebook.sh {' '.join(options.argv)}`, "
        f"started {started} UTC. Range from {FROM}; people per doctor: {REPS_PER_DOCTOR} reps, "
        f"{PATIENTS_PER_DOCTOR} patients, {RESCHEDULED_PER_DOCTOR} rescheduled visits. "
        f"HiGHS: 2 threads; CP-SAT: 2 workers; both on `rebook --export-model` (the monolithic "
        f"time-indexed MIP), limit {options.baseline_limit:g} s (CP-SAT {options.big_baseline_limit:g} s "
        f"at {BIG_SIZE} doctors). One run per cell; wall times from process start to exit.",
        "",
        "Per limit L: objective / bound / status / wall seconds / peak MB. *best* is the best objective "
        "any run found; *gap* is (ours − best) / best; *≤ L+1* checks wall ≤ L + 1 s.",
        "",
    ]
    header = ["doctors", "shape", "seed", "days", "grid", "items", "greedy"]
    for limit in limits:
        header += [f"ours @{limit:g} s", f"gap @{limit:g}", f"≤ {limit:g}+1"]
    header += ["HiGHS", "CP-SAT", "best", "error"]
    lines.append("| " + " | ".join(header) + " |")
    text_columns = {"shape", "HiGHS", "CP-SAT", "error"} | {f"ours @{limit:g} s" for limit in limits}
    lines.append("| " + " | ".join(":---" if name in text_columns else "---:" for name in header) + " |")
    summaries = {}
    for cell in cells:
        runs = by_cell.get(json.dumps(cell.key, sort_keys=True))
        if not runs:
            continue
        greedy = runs.get("greedy", {})
        ours = [runs.get(f"glpk@{limit:g}", {}) for limit in limits]
        highs, cpsat = runs.get("highs", {}), runs.get("cpsat", {})
        found = [r.get("objective") for r in [greedy, highs, cpsat] + ours if r.get("objective") is not None]
        best = min(found) if found else None
        errors = [f"{name}: {r['error']}" for name, r in runs.items() if r.get("error")]
        row = [cell.doctors, cell.shape, cell.seed, cell.days, cell.grid, fmt(greedy.get("items")),
               fmt(greedy.get("objective"))]
        summary = summaries.setdefault(cell.doctors, {"optimal": [], "unproven": 0, "gap": {}, "overrun": {},
                                                      "bound": {}, "checks": [0, 0]})
        for limit, run in zip(limits, ours):
            text = "—"
            if "status" in run:
                mb = fmt(run["rss_kb"] / 1024) if run.get("rss_kb") else "—"
                text = f"{fmt(run['objective'])} / {fmt(run['bound'], 1)} / {run['status']} / {run['wall']:.1f} / {mb}"
            elif "wall" in run:
                text = f"error / {run['wall']:.1f}"
            within = None if "wall" not in run else run["wall"] <= limit + 1
            row += [text, percent(gap(run.get("objective"), best)), {None: "—", True: "yes", False: "**no**"}[within]]
            if within is not None:
                summary["checks"][0] += 1 if within else 0
                summary["checks"][1] += 1
                summary["overrun"].setdefault(limit, []).append(run["wall"] - limit)
            if gap(run.get("objective"), best) is not None:
                summary["gap"].setdefault(limit, []).append(gap(run.get("objective"), best))
            if best and run.get("bound") is not None:
                # How far the proven bound lies below the best objective known.
                summary["bound"].setdefault(limit, []).append((best - run["bound"]) / best)
        proven = [run for run in ours if run.get("status") == "optimal"]
        if proven:
            summary["optimal"].append(proven[0]["wall"])
        else:
            summary["unproven"] += 1
        for run in (highs, cpsat):
            if "status" in run:
                row.append(f"{fmt(run['objective'])} / {fmt(run['bound'], 1)} / {run['status']} / {fmt(run['seconds'], 1)} s")
            else:
                row.append("—")
        row += [fmt(best), "; ".join(errors)[:300] or ""]
        lines.append("| " + " | ".join(str(x) for x in row) + " |")
    lines += ["", "Summary per size (median and worst case over the cells run):", ""]
    for doctors, s in sorted(summaries.items()):
        optimal = s["optimal"]
        parts = [f"- **{doctors} doctors**: proven optimal in {len(optimal)} of {len(optimal) + s['unproven']} cells"]
        if optimal:
            parts.append(f"time to optimal (first limit that proved it) median {statistics.median(optimal):.1f} s, "
                         f"worst {max(optimal):.1f} s")
        # One line part per statistic and limit: (key, label, format of a value).
        for key, label, show in (("gap", "gap to best", percent), ("bound", "bound below best", percent),
                                 ("overrun", "wall − limit", lambda v: f"{v:+.1f} s")):
            for limit in limits:
                values = s[key].get(limit)
                if values:
                    parts.append(f"{label} @{limit:g} s median {show(statistics.median(values))}, "
                                 f"worst {show(max(values))}")
        parts.append(f"wall ≤ limit + 1 s in {s['checks'][0]} of {s['checks'][1]} runs")
        lines.append("; ".join(parts) + ".")
    return "\n".join(lines) + "\n"


# MARK: - main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="Example: benchmarks/rebook.sh --quick",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="Smoke run: seed 1, 30 doctors, shapes standard/closures/near-cap/overfull/shared-people, "
                             "limit 5 s, baselines 10 s, no variations.")
    parser.add_argument("--sizes", default="30,200,1000", help="Doctor counts (default 30,200,1000).")
    parser.add_argument("--seeds", default="1,2,3,4", help="Seeds (default 1,2,3,4; the first 2 at 1,000 doctors).")
    parser.add_argument("--shapes", default=None,
                        help=f"generate --shape profiles (default all: {','.join(ALL_SHAPES)}; "
                             f"{','.join(BIG_SHAPES)} at {BIG_SIZE} doctors).")
    parser.add_argument("--limits", default="10,60", help="rebook --time-limit values (default 10,60).")
    parser.add_argument("--baseline-limit", type=float, default=60, help="HiGHS and CP-SAT seconds (default 60).")
    parser.add_argument("--big-baseline-limit", type=float, default=300,
                        help=f"CP-SAT seconds at {BIG_SIZE} doctors and more (default 300).")
    parser.add_argument("--kill-after", type=float, default=3,
                        help="A run is killed after this many times its limit plus 30 s (default 3).")
    parser.add_argument("--no-variations", dest="variations", action="store_false",
                        help="Leave out the --grid 15 and --days 28 cells.")
    parser.add_argument("--no-highs", dest="highs", action="store_false", help="Leave out HiGHS.")
    parser.add_argument("--no-cpsat", dest="cpsat", action="store_false", help="Leave out CP-SAT.")
    parser.add_argument("--tool", default=os.path.join(ROOT, ".build-release/release/clinic-plan"),
                        help="The clinic-plan binary (default: the release build).")
    parser.add_argument("--out", default=os.path.join(HERE, "results-rebook.md"), help="The markdown file to write.")
    parser.add_argument("--jsonl", default=os.path.join(HERE, "results-rebook.jsonl"), help="Every run, one JSON line each.")
    parser.add_argument("--dry-run", action="store_true", help="List the cells and their worst-case time, run nothing.")
    parser.add_argument("--lock", default=None,
                        help="Hold this file's lock (flock) during each run, taken before its clock starts "
                             "(e.g. /tmp/clinic-build.lock on a machine shared with builds).")
    parser.add_argument("--baselines-from", default=None,
                        help="A JSON-lines file of an earlier run: its HiGHS and CP-SAT records of the same cells "
                             "are shown for the baselines this run leaves out (--no-highs, --no-cpsat); the "
                             "generator's output is deterministic, so the instances are the same.")
    options = parser.parse_args()
    options.argv = sys.argv[1:]
    options.explicit_shapes = options.shapes is not None
    options.explicit_seeds = "--seeds" in sys.argv[1:]
    if options.quick:
        options.sizes, options.seeds, options.limits = "30", "1", "5"
        options.baseline_limit, options.variations = 10, False
        options.shapes = options.shapes or "standard,closures,near-cap,overfull,shared-people"
        options.explicit_shapes = True
    options.sizes = [int(x) for x in options.sizes.split(",")]
    options.seeds = [int(x) for x in options.seeds.split(",")]
    options.shapes = (options.shapes or ",".join(ALL_SHAPES)).split(",")
    options.limits = [float(x) for x in options.limits.split(",")]
    for shape in options.shapes:
        if shape not in ALL_SHAPES:
            parser.error(f"unknown shape {shape}; choose from {', '.join(ALL_SHAPES)}")

    global LOCK_PATH
    LOCK_PATH = options.lock
    options.earlier_baselines = {}
    if options.baselines_from:
        wanted = {name for name, run in (("highs", options.highs), ("cpsat", options.cpsat)) if not run}
        with open(options.baselines_from) as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("run") in wanted:
                    key = json.dumps(record["cell"], sort_keys=True)
                    options.earlier_baselines.setdefault(key, []).append(record)

    cells = plan(options)
    total = sum(worst_case_seconds(c, options) for c in cells)
    print(f"rebook matrix: {len(cells)} cells, at most about {total / 60:.0f} min of solver limits "
          "(plus generating and exporting)", file=sys.stderr)
    if options.dry_run:
        for cell in cells:
            print(f"  {cell.key}  ≤ {worst_case_seconds(cell, options):.0f} s", file=sys.stderr)
        return
    if not os.access(options.tool, os.X_OK):
        parser.error(f"{options.tool} is missing: build it with "
                     "swift build -c release --scratch-path .build-release --product clinic-plan")

    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")
    records = []
    with open(options.jsonl, "w") as jsonl:
        def emit(record):
            records.append(record)
            jsonl.write(json.dumps(record) + "\n")
            jsonl.flush()
            what = record.get("error") or " ".join(f"{k} {record[k]}" for k in ("status", "objective", "bound", "wall")
                                                    if record.get(k) is not None)
            print(f"  {record['cell']['doctors']} {record['cell']['shape']} seed {record['cell']['seed']} "
                  f"days {record['cell']['days']} grid {record['cell']['grid']} {record['run']}: {what}",
                  file=sys.stderr, flush=True)

        for n, cell in enumerate(cells, 1):
            print(f"rebook matrix: cell {n}/{len(cells)} {cell.key}", file=sys.stderr, flush=True)
            run_cell(cell, options, options.tool, emit)
            with open(options.out, "w") as out:
                out.write(render(records, options, cells, started))
    print(f"rebook matrix: wrote {options.out} and {options.jsonl}", file=sys.stderr)


if __name__ == "__main__":
    main()
