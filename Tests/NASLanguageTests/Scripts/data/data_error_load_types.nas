load("Tests/NASLanguageTests/Scripts/fixtures/keys.csv", types: {kee: "text"})   # expect error: keys.csv:1: types: there is no column 'kee' (the columns are key, zip, score, note)
