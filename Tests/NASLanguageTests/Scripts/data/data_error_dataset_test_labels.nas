dir = "Tests/NASLanguageTests/Scripts/fixtures/"
dataset(idx: dir + "split_train-images-idx3-ubyte", labels: dir + "split_train-labels-idx1-ubyte", test: dir + "split_test-images-idx3-ubyte")   # expect error: dataset(idx: …, test: FILE) needs test_labels: the path of its labels file
