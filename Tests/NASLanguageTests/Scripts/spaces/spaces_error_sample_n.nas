sample(nb201(), seed: 1, n: -1)   # expect error: n must be between 0 and 100,000, got -1
