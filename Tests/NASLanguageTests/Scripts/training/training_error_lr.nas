train(dataset("digits"), lr: 0)   # expect error: lr must be a positive learning rate, got 0
