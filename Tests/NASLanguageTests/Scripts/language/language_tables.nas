t = table([
  {id: 1, op: "conv", accuracy: 91.5%, latency: 12ms},
  {id: 2, op: "pool", accuracy: 88%, latency: 4ms},
  {id: 3, op: "conv", accuracy: 94.2%, latency: 25ms},
  {id: 4, op: "skip", accuracy: 85%, latency: 2ms},
  {id: 5, op: "conv", accuracy: 93%, latency: 18ms},
])
print(len(t))     # expect: 5
t | where latency < 20ms | sort accuracy desc | take 2 | select id, accuracy
# expect: id  accuracy
# expect: --  --------
# expect:  5       93%
# expect:  1     91.5%
best = t
  | where op == "conv"
  | sort latency
print(best.id)    # expect: [1, 5, 3]
t | group by op summarize n: count(), best: max(accuracy), lat: mean(latency)
# expect: op    n   best       lat
# expect: ----  -  -----  --------
# expect: conv  3  94.2%  18.333ms
# expect: pool  1    88%       4ms
# expect: skip  1    85%       2ms
t | summarize n: count(), sd: std(latency)
# expect: n       sd
# expect: -  -------
# expect: 5  9.602ms
costs = table({id: [1, 2, 3], params: [1.2M, 300k, 2M]})
t | join costs on id | select id, op, params
# expect: id  op    params
# expect: --  ----  ------
# expect:  1  conv    1.2M
# expect:  2  pool    300k
# expect:  3  conv      2M
t | extend score: accuracy / (latency / 1ms) | where score > 0.2 | select id
# expect: id
# expect: --
# expect:  2
# expect:  4
limit = 5ms
print(len(t | where latency <= limit))   # expect: 2
print(t[0].op)                          # expect: conv
print(t.columns)                        # expect: ["id", "op", "accuracy", "latency"]
for row in t | take 2 { print(row.id, row.latency) }
# expect: 1 12ms
# expect: 2 4ms
t | pareto accuracy max, latency min | select id
# expect: id
# expect: --
# expect:  3
# expect:  5
# expect:  1
# expect:  2
# expect:  4
p = table({id: [1, 2, 3, 4], acc: [90%, 85%, 80%, 95%], lat: [10ms, 5ms, 12ms, 20ms]})
print((p | pareto acc max, lat min).id)   # expect: [4, 1, 2]
print((p | pareto acc min, lat max).id)   # expect: [3, 4]
