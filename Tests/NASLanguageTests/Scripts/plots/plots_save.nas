# save writes a plot as SVG or as its drawing; other extensions are refused
p = table({x: [0, 1], y: [0, 1]}) | plot x: x, y: y, title: "a & b"
print(save(p, "/tmp/naslab-golden-plot.svg"))   # expect: /tmp/naslab-golden-plot.svg
print(save(p, "/tmp/naslab-golden-plot.txt"))   # expect: /tmp/naslab-golden-plot.txt
print("<svg" in p.svg, "a &amp; b" in p.svg, "</svg>" in p.svg)   # expect: true true true
# tables still save as before
print(save(table({a: [1]}), "/tmp/naslab-golden-plot.csv"))    # expect: /tmp/naslab-golden-plot.csv
