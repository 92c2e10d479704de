# A zero-width space inside a name is an error naming it, not part of the name.
x = nb​201()
# expect error: a name cannot contain the invisible character U+200B (ZERO WIDTH SPACE); delete it
