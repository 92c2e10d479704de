dataset("digits", train: 2000)   # expect error: cannot take 2000 train + 270 valid + 270 test samples from 1797
