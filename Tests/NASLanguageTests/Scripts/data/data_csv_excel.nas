# CSV as spreadsheets export it (a UTF-8 byte-order mark, CRLF line ends, quoted fields) reads
# alike in load, dataset and latency_table: all three use naslab's one CSV reader.
dir = "Tests/NASLanguageTests/Scripts/fixtures/"
print(load(dir + "excel_samples.csv").columns == ["a", "b", "y"])   # expect: true
d = dataset(csv: dir + "excel_samples.csv", label: "y", valid: 0, test: 0)
print(d.train, d.shape, d.classes)   # expect: 3 [2, 1, 1] 2
t = latency_table(csv: dir + "excel_latency.csv", space: nb201(), unit: "ms")
print(t.count, evaluate(t, arch(nb201(), 6111)).latency == 2.5ms)   # expect: 2 true
