import NASSpaces

/// Help pages for the operations spaces are built from (`help sep_conv_3x3`, `help ops`).
extension BuiltinRegistry {
    /// Registers one topic per operation family, named by its example, and the `ops` overview.
    func registerOperationTopics() {
        let entries = OperationCatalogue.entries
        for entry in entries where !topicNames.contains(entry.example) {
            register(topic: HelpTopic(entry.example, category: "operations", summary: "op \(entry.pattern)",
                                      help: "\(entry.pattern): \(entry.help)", example: "choice(\"op\", [\"\(entry.example)\"])",
                                      paper: entry.paper))
        }
        let width = entries.map(\.pattern.count).max() ?? 0
        let lines = entries.map { "  \($0.pattern.padding(toLength: width + 1, withPad: " ", startingAt: 0)) e.g. \($0.example)" }
        register(topic: HelpTopic("ops", category: "operations", summary: "the operations a space's choices may name",
                                  help: "The operation families that spaces and `choice`/`cell(ops: …)` name, with their hyperparameters in the name (K kernel, D dilation, G groups, E expansion, R squeeze-and-excitation ratio):\n"
                                      + lines.joined(separator: "\n") + "\n'help NAME' with an example name shows a family's page and paper (quote a name with a dot: help(\"mbconv_e6_k5_se0.25\")).",
                                  example: "cell(ops: [\"sep_conv_3x3\", \"dil_conv_5x5\", \"skip_connect\"])"))
    }
}
