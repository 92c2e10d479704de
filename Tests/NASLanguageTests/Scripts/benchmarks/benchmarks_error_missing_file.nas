benchmark(csv: "no/such/results.csv", space: nb201(), metrics: ["accuracy"])   # expect error: no/such/results.csv: no such file
# expect exit: 66
