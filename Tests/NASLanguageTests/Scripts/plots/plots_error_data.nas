plot(3, x: "a")   # expect error: plot needs a table, a list of records, a run or a list of runs, got
