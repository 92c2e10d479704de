# A data file that does not exist exits 66 (input missing), like a missing script.
t = load("no/such/table.csv")
# expect error: no/such/table.csv: no such file
# expect exit: 66
