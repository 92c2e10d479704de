# Messages about domain objects use "an" before a vowel.
mutate(5)
# expect error: argument 'a' of mutate() must be an architecture, got a plain number (5)
