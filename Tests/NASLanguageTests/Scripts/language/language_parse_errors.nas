# Several syntax errors are reported at once; the script does not run.
print("not printed")
y = 3 +* 4     # expect error: 3:8: error: expected an expression, found '*'
z = [1, 2 3]   # expect error: 4:5: error: expected ',' or ']' in the list that starts here
if y { print(1) } else print(2)   # expect error: 5:24: error: expected '{' to start the body of 'else'
w = (1 + 2     # expect error: 6:5: error: this '(' is never closed: add ')'
