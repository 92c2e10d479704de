space("twice", dag("cell", nodes: 2, ops: ["none", "none"], edges: "all"))   # expect error: 'cell' lists an option twice
