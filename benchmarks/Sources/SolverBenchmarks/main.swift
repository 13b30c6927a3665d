// Entry point of the engine benchmarks; each suite lives in a file of its own.
print("usage: SolverBenchmarks <suite>")
