encode(sample(nb201(), seed: 1), as: "pathh")   # expect error: there is no encoding 'pathh'; did you mean 'path'?
