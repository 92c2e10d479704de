# NPY files of one data set must agree on the sample shape.
dir = "Tests/NASLanguageTests/Scripts/fixtures/"
dataset(npy: dir + "split_x_train.npy", labels: dir + "split_y_train.npy", test: dir + "split_x_test_shape.npy", test_labels: dir + "split_y_test.npy")   # expect error: split_x_test_shape.npy: has samples of shape [1, 3, 3], but the training file
