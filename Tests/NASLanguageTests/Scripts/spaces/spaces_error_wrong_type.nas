sample("nb201", seed: 1)   # expect error: argument 'space' of sample() must be a space, got the string "nb201"
