table({trial: [1, 2], acc: [1, 2]}) | plot x: trail, y: acc   # expect error: no column 'trail' in this table; did you mean 'trial'?
