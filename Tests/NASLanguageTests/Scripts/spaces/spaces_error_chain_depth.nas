chain(depth: [1, 3])   # expect error: depth must be a range of whole numbers such as 1..6
