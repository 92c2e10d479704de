import Foundation

/// Writes a session as a Jupyter notebook (nbformat 4.5): comments become Markdown cells,
/// code becomes code cells with their execution count and outputs.
public struct IpynbExporter: Sendable {
    /// Splits each cell's input into prose and code.
    public let splitter: ProseSplitter

    /// Creates an exporter that splits cells with `splitter`.
    public init(splitter: ProseSplitter = ProseSplitter()) {
        self.splitter = splitter
    }

    /// The notebook as pretty-printed JSON.
    public func export(_ notebook: Notebook) -> String {
        let document: [String: Any] = [
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": Self.metadata,
            "cells": jupyterCells(for: notebook),
        ]
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: options) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static var metadata: [String: Any] {
        [
            "kernelspec": ["name": "naslab", "display_name": "naslab", "language": "naslab"],
            "language_info": ["name": "naslab", "file_extension": ".nas", "mimetype": "text/x-naslab"],
        ]
    }

    private func jupyterCells(for notebook: Notebook) -> [[String: Any]] {
        var cells: [[String: Any]] = []
        for cell in notebook.cells {
            let segments = splitter.segments(of: cell.input)
            let lastCode = segments.lastIndex { if case .code = $0 { return true } else { return false } }
            for (index, segment) in segments.enumerated() {
                let id = "cell-\(cell.number)-\(index + 1)"
                switch segment {
                case .prose(let text):
                    cells.append(["cell_type": "markdown", "id": id, "metadata": [String: Any](),
                                  "source": Self.lines(text)])
                case .code(let code):
                    let outputs = index == lastCode ? Self.outputs(of: cell) : []
                    cells.append(["cell_type": "code", "id": id, "metadata": [String: Any](),
                                  "execution_count": cell.number, "source": Self.lines(code),
                                  "outputs": outputs])
                }
            }
        }
        return cells
    }

    private static func outputs(of cell: NotebookCell) -> [[String: Any]] {
        var outputs: [[String: Any]] = []
        if !cell.printed.isEmpty {
            outputs.append(["output_type": "stream", "name": "stdout", "text": lines(cell.printed)])
        }
        if let result = cell.result {
            outputs.append(["output_type": "execute_result", "execution_count": cell.number,
                            "metadata": [String: Any](), "data": ["text/plain": lines(result)]])
        }
        if !cell.diagnostics.isEmpty {
            let message = cell.diagnostics.trimmingTrailingNewlines()
            outputs.append(["output_type": "error", "ename": errorName(cell.status),
                            "evalue": message.split(separator: "\n").first.map(String.init) ?? "",
                            "traceback": message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)])
        }
        return outputs
    }

    private static func errorName(_ status: CellStatus) -> String {
        switch status {
        case .assertionFailed: return "AssertionFailed"
        case .interrupted: return "Interrupted"
        case .ok, .error: return "Error"
        }
    }

    /// Jupyter's multi-line string form: one string per line, each but the last ending in a newline.
    static func lines(_ text: String) -> [String] {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return parts.enumerated().compactMap { index, line in
            if index == parts.count - 1 { return line.isEmpty ? nil : line }
            return line + "\n"
        }
    }
}
