sample(nb201(), seed: 1.5)   # expect error: argument 'seed' of sample() must be a whole number
