// Entry point of the engine benchmarks: `SolverBenchmarks <suite> [options]`. Each suite lives in
// files of its own and exposes one `run…Benchmark(_ arguments:)` function; add a case here for it.
let arguments = Array(CommandLine.arguments.dropFirst())

switch arguments.first {
case "conflicts":
    runConflictBenchmark(Array(arguments.dropFirst()))
case "rebook":
    runRebookBenchmark(Array(arguments.dropFirst()))
case "load":
    runLoadBenchmark(Array(arguments.dropFirst()))
case "endtoend":
    runEndToEndBenchmark(Array(arguments.dropFirst()))
case "export-rebook":
    runRebookExport(Array(arguments.dropFirst()))
case "report":
    runReport(Array(arguments.dropFirst()))
default:
    print("usage: SolverBenchmarks <suite> [options]")
    print("suites:")
    print("  conflicts [--sizes 10000,100000,1000000] [--runs N] [--seed S]")
    print("            conflict detection (sort + sweep) against the O(n²) pairwise baseline")
    print("  rebook [--sizes 10x20,200x1000,1000x5000] [--runs N] [--gap G] [--time-limit S] [--glpsol-limit S] [--seed S]")
    print("            greedy and exact rebooking, with glpsol on the exported model as the baseline")
    print("  load --data DIR[,DIR...] [--runs N] [--baseline-runs N] [--baseline-max-mb MB] [--json FILE]")
    print("            loader throughput per collection file, against Foundation's JSONDecoder")
    print("  endtoend --tool PATH --instances NAME=DIR,... [--days N] [--runs N] [--pandas SCRIPT] [--json FILE]")
    print("            engine-only and end-to-end conflicts and plan, against O(n²) pairwise and pandas")
    print("  export-rebook [--sizes 10x20,200x1000,1000x5000] [--seed S] --dir DIR")
    print("            writes the rebook suite's models as .mps files, for HiGHS (benchmarks/highs_rebook.py)")
    print("  report --results FILE --sections DIR --out results.md --svg plot.svg")
    print("            assembles results.md and the log-log plot from a benchmarks/run")
}
