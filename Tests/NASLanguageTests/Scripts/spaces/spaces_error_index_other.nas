arch(fbnet(), 3)   # expect error: only nb201 architectures have an index
