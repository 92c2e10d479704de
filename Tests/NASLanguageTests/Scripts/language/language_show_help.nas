# show prints the full view; help prints a page.
t = table({id: range(25)})
show t | take 2
# expect: id
# expect: --
# expect:  0
# expect:  1
?take
# expect: take    [table verbs]
# expect:
# expect: `t | take n` keeps the first n rows.
# expect:
# expect: Example:
# expect:   t | sort accuracy desc | take 5
msg = "two
lines"
print(msg)
# expect: two
# expect: lines
help nosuchthing   # expect error: no help for 'nosuchthing'
