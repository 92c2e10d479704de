dataset("digits", csv: "x.csv")   # expect error: dataset() takes one source, got name and csv
