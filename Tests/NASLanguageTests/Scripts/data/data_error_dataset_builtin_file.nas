dataset("digits", test: "test.csv")   # expect error: test takes a file only with csv:, idx: or npy:; for a built-in set it is a number of samples
