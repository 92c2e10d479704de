dataset("fashion_mnist", train: 10k)   # expect error: there is no built-in dataset 'fashion_mnist'; did you mean 'fashion-mnist'?
