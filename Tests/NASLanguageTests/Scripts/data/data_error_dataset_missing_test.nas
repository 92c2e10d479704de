dir = "Tests/NASLanguageTests/Scripts/fixtures/"
dataset(csv: dir + "split_train.csv", test: "no/such/test.csv", label: "y")   # expect error: no/such/test.csv: no such file
# expect exit: 66
