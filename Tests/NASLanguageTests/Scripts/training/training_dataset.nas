# Built-in data sets: sizes follow the documented default splits, fields answer, loads are seeded.
# sklearn's digits: 1,797 images of 8×8 (Alpaydin & Kaynak; sklearn.datasets.load_digits),
# 270 valid and 270 test by default, the rest (1797 - 540 = 1257) for training.
d = dataset("digits")
d                                   # expect: dataset digits: 1×8×8, 10 classes, 1257 train / 270 valid / 270 test
print(type(d), d.name, d.shape, d.classes, d.seed)   # expect: dataset digits [1, 8, 8] 10 1
print(d.train + d.valid + d.test)   # expect: 1797

# The MNIST 5k subset: 750 valid and 750 test by default.
m = dataset("mnist5k")
print(m.train, m.valid, m.test, m.shape)   # expect: 3500 750 750 [1, 28, 28]

# Counts take unit suffixes; train below the rest leaves samples unused.
s = dataset("mnist5k", train: 1k, valid: 0.5k, test: 200, seed: 7)
print(s.train, s.valid, s.test, s.seed)    # expect: 1000 500 200 7

# Same seed, same split; another seed draws other samples into the same sizes.
print(d == dataset("digits"), d == dataset("digits", seed: 2))   # expect: true false

# A user's CSV: a header, numeric feature columns and an integer label column. Without test:
# and valid:, 15% each (40 rows: 6 and 6, leaving 28 to train); classes = largest label + 1.
rows = map(range(40), fn(i) { {a: i, b: 40 - i, c: i * i, d: 1, y: int(i / 10)} })
path = save(table(rows), "/tmp/naslab-golden-training-dataset.csv")
c = dataset(csv: path, label: "y", shape: [1, 2, 2])
print(c.train, c.valid, c.test, c.shape, c.classes)   # expect: 28 6 6 [1, 2, 2] 4
flat = dataset(csv: path, label: "y", valid: 10, test: 0, seed: 3)
print(flat.train, flat.valid, flat.test, flat.shape)  # expect: 30 10 0 [4, 1, 1]
print(dataset(csv: path, label: "y", classes: 5).classes)   # expect: 5

# An IDX pair (the MNIST format, gzipped): Fashion-MNIST's official test files, 10,000 images.
dir = "/usr/share/datasets/fashion-mnist/"
x = dataset(idx: dir + "t10k-images-idx3-ubyte.gz", labels: dir + "t10k-labels-idx1-ubyte.gz")
print(x.train + x.valid + x.test, x.valid, x.shape, x.classes)   # expect: 10000 1500 [1, 28, 28] 10
