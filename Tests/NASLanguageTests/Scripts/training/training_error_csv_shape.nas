# Four feature columns cannot be 1×3×3 images.
rows = map(range(10), fn(i) { {a: i, b: 1, c: 2, d: 3, y: int(i / 5)} })
path = save(table(rows), "/tmp/naslab-golden-training-shape.csv")
dataset(csv: path, label: "y", shape: [1, 3, 3])   # expect error: naslab-golden-training-shape.csv: has 4 feature columns, which do not fit shape [1, 3, 3]
