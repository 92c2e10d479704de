d = dataset("digits", train: 100, valid: 50, test: 0, seed: 1)
launch(random(), on: chain(depth: 1..1), using: train(d, epochs: 6, batch: 50), budget: 2, objective: "params", early_stop: 5%)   # expect error: the objective must be maximize("accuracy"), not params
