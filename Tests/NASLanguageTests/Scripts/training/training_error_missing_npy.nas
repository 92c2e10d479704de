dataset(npy: "no/such/x.npy", labels: "no/such/y.npy")   # expect error: no/such/x.npy: no such file
# expect exit: 66
