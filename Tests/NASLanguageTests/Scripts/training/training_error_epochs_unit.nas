train(dataset("digits"), epochs: 3s)   # expect error: argument 'epochs' of train() must be a whole number, got time (3s)
