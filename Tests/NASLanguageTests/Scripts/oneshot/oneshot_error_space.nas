data = dataset("digits", train: 100, valid: 50, test: 50, seed: 1)
r = launch(gdas(), on: hierarchical(), using: train(data, epochs: 1, batch: 16), budget: 1)
# expect error: gdas needs a space with a supernet
