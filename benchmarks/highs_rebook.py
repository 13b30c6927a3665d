#!/usr/bin/env python3
"""HiGHS (highspy, from PyPI) on the rebooking models `SolverBenchmarks export-rebook` wrote.

Usage: highs_rebook.py [--threads N] TIME_LIMIT MODEL.mps...
Prints one JSON object per model: {"model", "seconds", "status", "objective", "bound"}; or one
{"error": ...} line when highspy cannot be installed or imported. --threads (default 1) is
HiGHS's `threads` option; rebook_matrix.py passes 2. HiGHS prints its banner on standard
output when created: readers take the lines that start with "{".
"""
import json
import math
import subprocess
import sys
import time

try:
    import highspy
except ImportError:
    # Install it for this user from PyPI; say why when that is not possible.
    try:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "highspy"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import highspy
    except Exception as error:  # noqa: BLE001 - any failure means: no HiGHS baseline
        print(json.dumps({"error": f"highspy is not installed and pip could not install it ({error})"}))
        sys.exit(0)

arguments = sys.argv[1:]
threads = 1
if arguments[:1] == ["--threads"]:
    threads, arguments = int(arguments[1]), arguments[2:]
limit = float(arguments[0])
for path in arguments[1:]:
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", limit)
    h.setOptionValue("threads", threads)
    started = time.perf_counter()
    h.readModel(path)
    h.run()
    seconds = time.perf_counter() - started
    status = h.modelStatusToString(h.getModelStatus())
    info = h.getInfo()
    objective = info.objective_function_value if info.primal_solution_status == 2 else None
    print(json.dumps({"model": path.rsplit("/", 1)[-1], "seconds": seconds, "status": status,
                      # No bound yet is +-inf, which JSON cannot hold: null instead.
                      "objective": objective,
                      "bound": info.mip_dual_bound if math.isfinite(info.mip_dual_bound) else None}), flush=True)
