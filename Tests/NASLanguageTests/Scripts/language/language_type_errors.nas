x = 3
if x { print("yes") }   # expect error: 'if' needs true or false, got a plain number (3)
