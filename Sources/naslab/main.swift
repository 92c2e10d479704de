// The naslab executable: parses the command line and runs the REPL or headless scripts.
NaslabCommand.main()
