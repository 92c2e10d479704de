plot(table({a: [1, 2]}), x: "a", kind: "pie")   # expect error: unknown plot kind 'pie'
