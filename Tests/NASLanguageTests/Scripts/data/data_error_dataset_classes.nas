# The test file's label 5 lies outside the 3 classes found in the training file.
dir = "Tests/NASLanguageTests/Scripts/fixtures/"
dataset(csv: dir + "split_train.csv", test: dir + "split_test_label.csv", label: "y")   # expect error: split_test_label.csv: label 5 of sample 0 is outside 0..<3 (the classes of the training file
