train(dataset("digits", train: 100), batch: 128)   # expect error: batch 128 is larger than the training part (100 samples)
