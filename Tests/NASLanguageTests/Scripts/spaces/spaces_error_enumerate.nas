enumerate(ofa())   # expect error: more than the limit of 100000 for enumeration
