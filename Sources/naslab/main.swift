// The naslab executable: parses the command line and runs the REPL, headless scripts, or a queue worker.
if CommandLine.arguments.dropFirst().first == "worker" {
    WorkerCommand.main(Array(CommandLine.arguments.dropFirst(2)))
} else {
    NaslabCommand.main()
}
