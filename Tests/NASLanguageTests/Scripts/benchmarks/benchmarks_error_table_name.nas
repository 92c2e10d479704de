bench_table("nb2001")   # expect error: there is no shipped table 'nb2001'; did you mean 'nb201'?
