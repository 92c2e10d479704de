# A CSV file given as IDX images is refused by its magic number, naming the file.
rows = map(range(10), fn(i) { {a: i, y: 1} })
path = save(table(rows), "/tmp/naslab-golden-training-notidx.csv")
dataset(idx: path, labels: path)   # expect error: naslab-golden-training-notidx.csv: not an IDX image file (expected magic 0x00000803)
