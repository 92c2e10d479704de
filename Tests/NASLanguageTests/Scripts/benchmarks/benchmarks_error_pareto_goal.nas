pareto(bench_table("nb201"), x: "params", y: "accuracy", x_goal: "smallest")   # expect error: x_goal must be "min" or "max"
