# Labels run 0..3 (int(i / 3) for i < 10); two classes leave label 2 (first at row 6) outside.
rows = map(range(10), fn(i) { {a: i, b: 1, y: int(i / 3)} })
path = save(table(rows), "/tmp/naslab-golden-training-classes.csv")
dataset(csv: path, label: "y", classes: 2)   # expect error: naslab-golden-training-classes.csv: label 2 of sample 6 is outside 0..<2
