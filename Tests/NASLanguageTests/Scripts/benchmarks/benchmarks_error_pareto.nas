pareto(bench_table("nb201"), x: "latency", y: "accuracy")   # expect error: the table has no column 'latency'
