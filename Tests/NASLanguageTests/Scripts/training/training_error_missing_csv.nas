dataset(csv: "no/such/data.csv", label: "y")   # expect error: no/such/data.csv: no such file
# expect exit: 66
