# A help page ends with a line break, so what the script prints next starts on its own line.
help abs
print("next")
# expect: abs(x: number)    [core]
# expect:
# expect: Returns the absolute value of a number, keeping its unit.
# expect: next
