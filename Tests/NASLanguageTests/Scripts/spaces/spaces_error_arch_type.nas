arch(nb201(), [1, 2])   # expect error: text must be a string (or an nb201 index), got a list
