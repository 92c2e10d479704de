# Only a blockwise space (one block per position) has a latency table.
profile(nb201(), input: [1, 3, 8, 8])   # expect error: the nb201 space is not blockwise
