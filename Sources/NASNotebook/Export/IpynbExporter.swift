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
                                  "execution_count": Self.executionCount(of: cell), "source": Self.lines(code),
                                  "outputs": outputs])
                }
            }
        }
        return cells
    }

    private static func outputs(of cell: NotebookCell) -> [[String: Any]] {
        let outputs = HTMLExporter.merged(cell.outputs)
        let lastValue = outputs.lastIndex { if case .value = $0 { return true } else { return false } }
        return outputs.enumerated().map { index, output in
            switch output {
            case .stream(let text):
                return ["output_type": "stream", "name": "stdout", "text": lines(text)]
            case .value(let value):
                // Jupyter keeps one `execute_result` per cell; a script's earlier values are displays.
                if index == lastValue {
                    return ["output_type": "execute_result", "execution_count": Self.executionCount(of: cell),
                            "metadata": [String: Any](), "data": mimeBundle(value)]
                }
                return ["output_type": "display_data", "metadata": [String: Any](), "data": mimeBundle(value)]
            case .error(let text):
                let message = text.trimmingTrailingNewlines()
                return ["output_type": "error", "ename": errorName(cell.status),
                        "evalue": message.split(separator: "\n").first.map(String.init) ?? "",
                        "traceback": message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)]
            }
        }
    }

    /// A value's MIME bundle: always `text/plain`; `text/html` for a table, `image/svg+xml` for a plot.
    private static func mimeBundle(_ value: DisplayedValue) -> [String: Any] {
        var data: [String: Any] = ["text/plain": lines(value.text)]
        if let table = value.table { data["text/html"] = lines(HTMLTable.html(table, hiddenRows: value.hiddenRowCount)) }
        if let svg = value.svg { data["image/svg+xml"] = lines(HTMLText.inlineSVG(svg)) }
        return data
    }

    /// Jupyter's `execution_count`: the cell's number, or null for a cell that never ran.
    private static func executionCount(of cell: NotebookCell) -> Any {
        cell.executionCount.map { $0 as Any } ?? NSNull()
    }

    private static func errorName(_ status: CellStatus) -> String {
        switch status {
        case .assertionFailed: return "AssertionFailed"
        case .interrupted: return "Interrupted"
        case .ok, .error, .notRun: return "Error"
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
