print(1 / 0)   # expect error: division by zero
