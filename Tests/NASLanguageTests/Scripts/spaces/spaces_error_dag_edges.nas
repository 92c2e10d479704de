dag("cell", nodes: 3, ops: ["none", "skip_connect"], edges: "every")   # expect error: edges must be "chosen" or "all", got "every"
