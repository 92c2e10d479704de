budget = 64MB
used = 10
print(budget - used)   # expect error: cannot subtract a plain number (10) from a memory size (64MB); write 10MB or 10KB
