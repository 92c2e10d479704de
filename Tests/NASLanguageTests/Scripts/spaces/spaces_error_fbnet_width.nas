fbnet(width: 0)   # expect error: width must be above 0 and at most 4, got 0
