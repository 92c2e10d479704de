save(plot(table({a: [1, 2]}), x: "a"), "/tmp/naslab-golden-plot.png")   # expect error: a plot is saved as .svg or .txt
