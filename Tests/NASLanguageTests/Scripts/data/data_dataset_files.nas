# A user's data in separate train, valid and test files (CSV, NPY or IDX alike): each file given
# is that part whole; a part without a file is drawn from the training file (15% unless given).
# Fixtures (fixtures/make_fixtures.py): 20 train, 6 valid and 8 test samples of 4 features, 3 classes.
dir = "Tests/NASLanguageTests/Scripts/fixtures/"
c = dataset(csv: dir + "split_train.csv", valid: dir + "split_valid.csv", test: dir + "split_test.csv", label: "y", shape: [1, 2, 2])
print(c.train, c.valid, c.test, c.shape, c.classes)   # expect: 20 6 8 [1, 2, 2] 3

# Only a test file: validation is drawn from the training file, 15% (3 of 20) or as many as valid: says.
t = dataset(csv: dir + "split_train.csv", test: dir + "split_test.csv", label: "y")
print(t.train, t.valid, t.test, t.shape)              # expect: 17 3 8 [4, 1, 1]
v = dataset(csv: dir + "split_train.csv", test: dir + "split_test.csv", valid: 5, label: "y", seed: 2)
print(v.train, v.valid, v.test, v.seed)               # expect: 15 5 8 2

# The files are part of the data set's identity (and of a training evaluator's cache key).
print(t == dataset(csv: dir + "split_train.csv", label: "y"), t.name == dir + "split_train.csv")   # expect: false false

# NPY: each file with its labels file.
n = dataset(npy: dir + "split_x_train.npy", labels: dir + "split_y_train.npy", valid: dir + "split_x_valid.npy", valid_labels: dir + "split_y_valid.npy", test: dir + "split_x_test.npy", test_labels: dir + "split_y_test.npy")
print(n.train, n.valid, n.test, n.shape, n.classes)   # expect: 20 6 8 [1, 2, 2] 3

# IDX (the MNIST format): the same samples as 2×2 images.
i = dataset(idx: dir + "split_train-images-idx3-ubyte", labels: dir + "split_train-labels-idx1-ubyte", test: dir + "split_test-images-idx3-ubyte", test_labels: dir + "split_test-labels-idx1-ubyte", classes: 3)
print(i.train, i.valid, i.test, i.shape, i.classes)   # expect: 17 3 8 [1, 2, 2] 3
