# Every file of a data set needs the training file's columns, in order; the error names the file.
dir = "Tests/NASLanguageTests/Scripts/fixtures/"
dataset(csv: dir + "split_train.csv", test: dir + "split_test_columns.csv", label: "y")   # expect error: split_test_columns.csv: has the columns a, b, c, y, but the training file Tests/NASLanguageTests/Scripts/fixtures/split_train.csv has a, b, c, d, y
