d = dataset("digits", train: 100, valid: 50, test: 0, seed: 1)
launch(random(), on: chain(depth: 1..1), using: train(d, epochs: 6, batch: 50), budget: 2, early_stop: 150%)   # expect error: the early-stopping threshold must lie in (0, 1), not 1.5
