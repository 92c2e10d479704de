"""Fashion-MNIST as the reference scripts read it: the Debian package's gzipped IDX files."""
import gzip

import numpy as np

DATA = "/usr/share/datasets/fashion-mnist"


def read_idx(path, offset):
    """The bytes of a gzipped IDX file after its header of `offset` bytes."""
    with gzip.open(path) as f:
        return np.frombuffer(f.read(), dtype=np.uint8)[offset:]


def read_fashion(test):
    """Training images and labels (all 60k) and the first `test` test images and labels, as uint8 / int64."""
    train_x = read_idx(f"{DATA}/train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)
    train_y = read_idx(f"{DATA}/train-labels-idx1-ubyte.gz", 8).astype(np.int64)
    test_x = read_idx(f"{DATA}/t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)[:test]
    test_y = read_idx(f"{DATA}/t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)[:test]
    return train_x, train_y, test_x, test_y
