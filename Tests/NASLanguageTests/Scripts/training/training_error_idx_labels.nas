dataset(idx: "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")   # expect error: dataset(idx: …) needs labels: the path of its labels file
