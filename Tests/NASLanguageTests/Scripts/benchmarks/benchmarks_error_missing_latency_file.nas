latency_table(csv: "no/such/pi.csv", space: nb201(), unit: "ms")   # expect error: no/such/pi.csv: no such file
# expect exit: 66
