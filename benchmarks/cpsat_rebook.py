#!/usr/bin/env python3
"""OR-Tools CP-SAT on the rebooking models `clinic-plan rebook --export-model FILE.mps` writes.

Usage: cpsat_rebook.py [--workers 2] TIME_LIMIT MODEL.mps...

The model is the monolithic time-indexed MIP (Sources/SlotSolver/Rebooking/TimeIndexedModel.swift):
a binary y<item>_<YYYYMMDD>_<minute> per feasible placement, a binary u<item> per item for "not
placed", one assignment row per item (sum = 1), capacity rows (sum <= remaining cap) and clique
rows (sum <= 1) per doctor-, rep- and patient-date. This script reads that MPS file with its own
small reader and builds the same model natively in CP-SAT: a Boolean (or integer) variable per
column, AddExactlyOne / AddAtMostOne for rows of unit coefficients on Booleans (what the
assignment and clique rows are, which CP-SAT propagates as such), a linear constraint for every
other row. It reads any linear MPS model with integer data, so it keeps working when the export
gains rows, but it refuses fractional coefficients (CP-SAT is an integer solver).

Prints one JSON object per model: {"model", "status", "objective", "bound", "seconds",
"read_seconds", "workers", "columns", "rows"}; "seconds" is the CP-SAT solve alone (what the
time limit bounds), "read_seconds" reading and building. One {"error": ...} line when OR-Tools
cannot be installed or imported. OR-Tools comes from PyPI (`pip install ortools`) when missing.
"""
import argparse
import json
import math
import subprocess
import sys
import time

try:
    from ortools.sat.python import cp_model
except ImportError:
    # Install it for this user from PyPI; say why when that is not possible.
    try:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "ortools"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        from ortools.sat.python import cp_model
    except Exception as error:  # noqa: BLE001 - any failure means: no CP-SAT baseline
        print(json.dumps({"error": f"ortools is not installed and pip could not install it ({error})"}))
        sys.exit(0)

INF = math.inf


class MPSModel:
    """A linear model as read from a free or fixed MPS file: columns with bounds and objective
    coefficients, rows as sparse (column, coefficient) lists with lower and upper bounds."""

    def __init__(self):
        self.name = ""
        self.objective_row = None
        self.objective_constant = 0.0
        self.row_index = {}        # name -> index
        self.row_sense = []        # "E", "L", "G", "N"
        self.row_rhs = []
        self.row_range = []        # None or the RANGES value
        self.row_terms = []        # [(column, coefficient)]
        self.column_index = {}
        self.column_names = []
        self.column_integer = []
        self.column_lower = []
        self.column_upper = []     # None until BOUNDS: then the default depends on integrality
        self.objective = []

    def row_bounds(self, r):
        """(lower, upper) of row r, with MPS's rules for RANGES."""
        sense, rhs, rng = self.row_sense[r], self.row_rhs[r], self.row_range[r]
        if sense == "E":
            if rng is None:
                return rhs, rhs
            return (rhs, rhs + rng) if rng > 0 else (rhs + rng, rhs)
        if sense == "L":
            return (-INF if rng is None else rhs - abs(rng)), rhs
        if sense == "G":
            return rhs, (INF if rng is None else rhs + abs(rng))
        return -INF, INF


def read_mps(path):
    """Reads the sections NAME, ROWS, COLUMNS (with MARKER INTORG/INTEND), RHS, RANGES, BOUNDS.
    Fields are split on white space (free MPS; GLPK's fixed MPS has no blanks in names either)."""
    model = MPSModel()
    section = None
    integer = False

    def column(name):
        j = model.column_index.get(name)
        if j is None:
            j = len(model.column_names)
            model.column_index[name] = j
            model.column_names.append(name)
            model.column_integer.append(integer)
            model.column_lower.append(0.0)
            model.column_upper.append(None)
            model.objective.append(0.0)
        return j

    with open(path) as handle:
        for line in handle:
            if not line.strip() or line[0] == "*":
                continue
            if line[0] not in " \t":
                fields = line.split()
                section = fields[0]
                if section == "NAME" and len(fields) > 1:
                    model.name = fields[1]
                continue
            fields = line.split()
            if section == "COLUMNS":
                if len(fields) >= 3 and fields[1] == "'MARKER'":
                    integer = fields[2] == "'INTORG'"
                    continue
                j = column(fields[0])
                for k in range(1, len(fields) - 1, 2):
                    row, value = fields[k], float(fields[k + 1])
                    if row == model.objective_row:
                        model.objective[j] += value
                    else:
                        model.row_terms[model.row_index[row]].append((j, value))
            elif section == "ROWS":
                sense, name = fields[0], fields[1]
                if sense == "N":
                    if model.objective_row is None:
                        model.objective_row = name
                    continue  # further free rows carry no constraint
                model.row_index[name] = len(model.row_sense)
                model.row_sense.append(sense)
                model.row_rhs.append(0.0)
                model.row_range.append(None)
                model.row_terms.append([])
            elif section in ("RHS", "RANGES"):
                # The first field is the set name, then (row, value) pairs.
                for k in range(1, len(fields) - 1, 2):
                    row, value = fields[k], float(fields[k + 1])
                    if row == model.objective_row:
                        model.objective_constant = -value  # MPS: RHS of the objective is minus its constant
                    elif row in model.row_index:
                        target = model.row_rhs if section == "RHS" else model.row_range
                        target[model.row_index[row]] = value
            elif section == "BOUNDS":
                kind, name = fields[0], fields[2]
                value = float(fields[3]) if len(fields) > 3 else None
                j = column(name)
                if kind == "UP":
                    model.column_upper[j] = value
                    if value < 0 and model.column_lower[j] == 0:
                        model.column_lower[j] = -INF
                elif kind == "LO":
                    model.column_lower[j] = value
                elif kind == "FX":
                    model.column_lower[j] = model.column_upper[j] = value
                elif kind == "BV":
                    model.column_integer[j] = True
                    model.column_lower[j], model.column_upper[j] = 0.0, 1.0
                elif kind in ("LI", "UI"):
                    model.column_integer[j] = True
                    (model.column_lower if kind == "LI" else model.column_upper)[j] = value
                elif kind == "MI":
                    model.column_lower[j] = -INF
                elif kind == "PL":
                    model.column_upper[j] = INF
                elif kind == "FR":
                    model.column_lower[j], model.column_upper[j] = -INF, INF
    for j, upper in enumerate(model.column_upper):
        if upper is None:
            # MPS: an integer column with no bounds is binary (GLPK and CPLEX read it so); a
            # continuous one is unbounded above.
            model.column_upper[j] = 1.0 if model.column_integer[j] else INF
    return model


def integral(value, what):
    rounded = round(value)
    if abs(value - rounded) > 1e-9:
        raise ValueError(f"{what} {value} is not an integer; CP-SAT needs integer data")
    return int(rounded)


def build_cp_model(mps):
    """The CP-SAT model of `mps`: same columns, rows and objective."""
    model = cp_model.CpModel()
    big = 10**12  # stands for an infinite bound of an integer column
    variables = []
    boolean = []
    for j, name in enumerate(mps.column_names):
        if not mps.column_integer[j]:
            raise ValueError(f"column {name} is continuous; CP-SAT needs integer columns")
        lower = -big if mps.column_lower[j] == -INF else integral(mps.column_lower[j], f"lower bound of {name}")
        upper = big if mps.column_upper[j] == INF else integral(mps.column_upper[j], f"upper bound of {name}")
        # Only true 0/1 columns are literals (AddExactlyOne takes literals, not fixed integers).
        is_boolean = lower == 0 and upper == 1
        variables.append(model.NewBoolVar(name) if is_boolean else model.NewIntVar(lower, upper, name))
        boolean.append(is_boolean)
    for r, terms in enumerate(mps.row_terms):
        lower, upper = mps.row_bounds(r)
        unit = all(c == 1 and boolean[j] for j, c in terms)
        literals = [variables[j] for j, _ in terms]
        if unit and lower == 1 and upper == 1 and len(set(j for j, _ in terms)) == len(terms):
            model.AddExactlyOne(literals)
        elif unit and lower <= 0 and upper == 1 and len(set(j for j, _ in terms)) == len(terms):
            model.AddAtMostOne(literals)
        else:
            coefficients = [integral(c, "coefficient") for _, c in terms]
            expression = cp_model.LinearExpr.WeightedSum(literals, coefficients)
            low = cp_model.INT_MIN if lower == -INF else math.ceil(lower - 1e-9)
            high = cp_model.INT_MAX if upper == INF else math.floor(upper + 1e-9)
            model.AddLinearConstraint(expression, low, high)
    objective = [(variables[j], integral(c, "objective coefficient")) for j, c in enumerate(mps.objective) if c != 0]
    model.Minimize(cp_model.LinearExpr.WeightedSum([v for v, _ in objective], [c for _, c in objective])
                   + integral(mps.objective_constant, "objective constant"))
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT search workers (default 2).")
    parser.add_argument("limit", type=float, help="Seconds CP-SAT may search per model.")
    parser.add_argument("models", nargs="+", help="MPS files written by rebook --export-model.")
    arguments = parser.parse_args()
    for path in arguments.models:
        name = path.rsplit("/", 1)[-1]
        started = time.perf_counter()
        try:
            mps = read_mps(path)
            model = build_cp_model(mps)
        except (OSError, ValueError, KeyError, IndexError) as error:
            print(json.dumps({"model": name, "error": f"cannot read {path}: {error}"}), flush=True)
            continue
        read_seconds = time.perf_counter() - started
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = arguments.limit
        solver.parameters.num_workers = arguments.workers
        started = time.perf_counter()
        status = solver.Solve(model)
        seconds = time.perf_counter() - started
        found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        print(json.dumps({
            "model": name, "status": solver.StatusName(status),
            "objective": round(solver.ObjectiveValue()) if found else None,
            "bound": solver.BestObjectiveBound() if found or status == cp_model.UNKNOWN else None,
            "seconds": seconds, "read_seconds": read_seconds, "workers": arguments.workers,
            "columns": len(mps.column_names), "rows": len(mps.row_sense)}), flush=True)


if __name__ == "__main__":
    main()
