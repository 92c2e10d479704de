# Dot-commands belong to the interactive prompt; a script says so.
.timer on
# expect error: '.timer' is a command of the interactive naslab prompt, not part of the language
