# Fixed-DAG cells (one op per edge, every node sums all earlier nodes) in NAS-Bench-201's
# skeleton. With NB201's five ops the composed space is nb201(): same size, and for the same
# cell the same layers, params and MACs (checked on seven benchmark indices, both ends included).
ops5 = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
mine = space("mynb", skeleton("nb201", dag("cell", nodes: 3, ops: ops5, edges: "all")))
print(size(mine), size(nb201()))                     # expect: 15625 15625
edges = ["1_0", "2_0", "2_1", "3_0", "3_1", "3_2"]
fn same_cell(n) {
  text = "cell.edge_1_0=" + ops5[n.tokens[0]]
  for i in range(1, 6) { text = text + ", cell.edge_" + edges[i] + "=" + ops5[n.tokens[i]] }
  arch(mine, text)
}
fn agrees(i) {
  n = arch(nb201(), i)
  m = same_cell(n)
  cost(m).params == cost(n).params and cost(m).macs == cost(n).macs and len(layers(m)) == len(layers(n))
}
print(map([0, 1, 6111, 3000, 9999, 12345, 15624], agrees))   # expect: [true, true, true, true, true, true, true]
print(cost(same_cell(arch(nb201(), 6111))).params)   # expect: 1.07M

# A 4-op variant in one line: 4^6 cells.
v = space("nb201_4op", skeleton("nb201", dag("cell", nodes: 3, ops: ["none", "skip_connect", "nor_conv_3x3", "avg_pool_3x3"], edges: "all")))
print(size(v))                                       # expect: 4096
a = arch(v, "cell.edge_1_0=nor_conv_3x3, cell.edge_2_0=none, cell.edge_2_1=skip_connect, cell.edge_3_0=avg_pool_3x3, cell.edge_3_1=none, cell.edge_3_2=nor_conv_3x3")
print(len(filter(layers(a).layer, fn(l) { "edge_2_0" in l })))   # expect: 0
print(len(filter(layers(a).layer, fn(l) { l == "stage3.cell4.cell.edge_3_2.conv" })))   # expect: 1

# The fixed cell alone, with a pending width and stride, and smaller skeletons.
print(size(space("one", dag("c", nodes: 2, ops: ["conv3x3", "skip_connect"], edges: "all"))))   # expect: 8
small = space("tiny201", skeleton("nb201", dag("cell", nodes: 3, ops: ops5, edges: "all"), channels: 8, cells: 1))
print(cost(sample(small, seed: 1)).params < cost(sample(mine, seed: 1)).params)   # expect: true
dag("cell", nodes: 2, ops: ["none", "nor_conv_3x3"], edges: "all")   # expect: dag("cell", nodes: 2, ops: ["none", "nor_conv_3x3"], edges: "all")

# stack takes its parts one by one or as one list.
print(stack([choice("width", [16]), choice("op", ["conv3x3"])]) == stack(choice("width", [16]), choice("op", ["conv3x3"])))   # expect: true

# The help examples of dag and skeleton.
print(size(space("fixed", dag("cell", nodes: 3, ops: ["none", "skip_connect", "nor_conv_3x3", "avg_pool_3x3"], edges: "all"))))   # expect: 4096
