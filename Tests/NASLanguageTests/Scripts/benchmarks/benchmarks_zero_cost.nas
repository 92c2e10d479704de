# NASLib's zero-cost proxy scores (NAS-Bench-Suite-Zero). Spearman correlations recomputed
# with numpy from /work/shared/data/naslib_zc_nasbench201_cifar10.csv (average ranks for ties):
# jacov 0.747113, synflow 0.737472, params 0.692581.
z = zero_cost()
print(len(z))                                   # expect: 491
print(len(filter(["index", "arch", "synflow", "jacov", "accuracy"], fn(c) { c in z.columns })))   # expect: 5
c = correlations() | sort spearman desc | take 3 | select proxy, spearman
c
# expect: proxy    spearman
# expect: -------  --------
# expect: jacov    0.747113
# expect: synflow  0.737472
# expect: params   0.692581
print(len(zero_cost(dataset: "cifar100")), len(zero_cost(dataset: "imagenet16-120")))   # expect: 491 491
print(len(zero_cost(benchmark: "nb101")), len(zero_cost(benchmark: "nb301")))           # expect: 500 500
print(len(correlations(dataset: "cifar100")))   # expect: 11
# Every NB201 row's accuracy is NASLib's validation accuracy; the arch keys join with the full table.
j = z | join bench_table("nb201") on index | select index, synflow
print(len(j))                                   # expect: 491
