# load() keeps text that is not written as a number: a key like 000123 keeps its leading zeros.
# An unquoted field is a number only in the form programs write numbers (7, -2, 0.5, 1e3);
# 000123, 02139, +5, .5 and 007 stay text. The fixture was written by hand, not by save().
path = "Tests/NASLanguageTests/Scripts/fixtures/keys.csv"
t = load(path)
print(t.key)                     # expect: ["000123", 7, -2]
print(t.zip)                     # expect: ["02139", 10001, "00501"]
print(t.score)                   # expect: [0.5, 1000, -0.25]
print(t.note)                    # expect: ["+5", ".5", "007"]

# types: fixes a column's type: "text" keeps every value as written, "number" reads any decimal.
u = load(path, types: {key: "text", zip: "number", score: "text"})
print(u.key)                     # expect: ["000123", "7", "-2"]
print(u.zip)                     # expect: [2139, 10001, 501]
print(u.score)                   # expect: ["0.5", "1e3", "-0.25"]
print((u | where key == "000123").zip)   # expect: [2139]

# A saved table with such keys loads back as the same cells.
saved = save(t, "/tmp/naslab-golden-data-keys.csv")
print(load(saved) == t)          # expect: true

# A value that does not fit its type names the file and line; so does an unknown column.
load(path, types: {key: "bool"})   # expect error: keys.csv:2: column 'key': '000123' is not true or false
