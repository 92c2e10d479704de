plot(3, x: "a")   # expect error: plot needs a table, a list of records or of numbers, a run or a list of runs, got
