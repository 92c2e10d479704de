train(dataset("digits"), fidelity: 1.5)   # expect error: fidelity must be a fraction of the training part in (0, 1], got 1.5
