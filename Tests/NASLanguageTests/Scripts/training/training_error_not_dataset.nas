train(nb201())   # expect error: argument 'data' of train() must be a dataset, got
