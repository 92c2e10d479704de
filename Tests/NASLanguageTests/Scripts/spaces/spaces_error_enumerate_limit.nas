enumerate(nb201(), limit: 0)   # expect error: limit must be between 1 and 2,000,000
