skeleton("resnet", dag("cell", nodes: 3, ops: ["none"], edges: "all"))   # expect error: there is no skeleton 'resnet' (the skeletons are nb201)
