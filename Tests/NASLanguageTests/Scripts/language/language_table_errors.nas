t = table({id: [1, 2], accuracy: [90%, 80%]})
t | sort acuracy desc   # expect error: no column 'acuracy' in this table; did you mean 'accuracy'? (columns: id, accuracy)
