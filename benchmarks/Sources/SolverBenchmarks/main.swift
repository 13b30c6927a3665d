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
default:
    print("usage: SolverBenchmarks <suite> [options]")
    print("suites:")
    print("  conflicts [--sizes 10000,100000,1000000] [--runs N] [--seed S]")
    print("            conflict detection (sort + sweep) against the O(n²) pairwise baseline")
    print("  rebook [--sizes 10x20,200x1000,1000x5000] [--runs N] [--gap G] [--time-limit S] [--glpsol-limit S] [--seed S]")
    print("            greedy and exact rebooking, with glpsol on the exported model as the baseline")
    print("  load --data DIR[,DIR...] [--runs N] [--baseline-runs N] [--baseline-max-mb MB] [--json FILE]")
    print("            loader throughput per collection file, against Foundation's JSONDecoder")
}
