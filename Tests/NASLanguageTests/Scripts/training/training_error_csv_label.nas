rows = map(range(10), fn(i) { {a: i, b: 1, y: int(i / 5)} })
path = save(table(rows), "/tmp/naslab-golden-training-label.csv")
dataset(csv: path, label: "class")   # expect error: naslab-golden-training-label.csv: has no column "class"
