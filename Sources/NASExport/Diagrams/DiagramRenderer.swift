import Foundation
import NASCore

/// Draws Graphviz `dot` text as SVG with the `dot` program, and writes an architecture's diagram
/// as `.svg` (drawn by Graphviz), `.dot` (the graph text) or `.txt` (naslab's text diagram).
///
/// Without Graphviz, `.svg` is an error that says so and how to get the other two: a text file
/// under an `.svg` name would mislead every program that opens it.
public enum DiagramRenderer {
    /// The extensions `save` writes diagrams to.
    public static let extensions = ["svg", "dot", "txt"]

    /// The first `dot` executable on `PATH`, or nil when Graphviz is not installed.
    public static var dotExecutable: String? {
        dotExecutable(searching: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }

    /// The first `dot` executable in the folders of a `PATH`-style list.
    static func dotExecutable(searching folders: String) -> String? {
        folders.split(separator: ":").map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Writes a diagram to `path` by its extension: `dot` text drawn as SVG, the `dot` text, or `text`.
    public static func save(dot: String, text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        switch url.pathExtension.lowercased() {
        case "svg": try ArchitectureExporter.write(try svg(dot), to: url)
        case "dot", "gv": try ArchitectureExporter.write(Data(dot.utf8), to: url)
        case "txt": try ArchitectureExporter.write(Data((text + "\n").utf8), to: url)
        default:
            throw ExportError("cannot save a diagram to '\(path)': the file must end in .svg (drawn by Graphviz), .dot (its graph text) or .txt (the text diagram)")
        }
    }

    /// The SVG that `dot -Tsvg` draws for `dotText`.
    public static func svg(_ dotText: String) throws -> Data {
        try svg(dotText, dot: dotExecutable)
    }

    /// The SVG that the `dot` program at `dot` draws; nil: Graphviz is missing.
    static func svg(_ dotText: String, dot: String?) throws -> Data {
        guard let dot else {
            throw ExportError("Graphviz's `dot` is not installed, so no .svg can be drawn (install graphviz: apt-get install graphviz); "
                + "save to a .txt file for the text diagram or to a .dot file for the graph text")
        }
        let folder = FileManager.default.temporaryDirectory
        let stem = "naslab-diagram-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        let source = folder.appendingPathComponent(stem + ".dot"), drawn = folder.appendingPathComponent(stem + ".svg")
        defer { for url in [source, drawn] { try? FileManager.default.removeItem(at: url) } }
        try ArchitectureExporter.write(Data(dotText.utf8), to: source)
        let process = Process(), errors = Pipe()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tsvg", "-o", drawn.path, source.path]
        process.standardError = errors
        do { try process.run() } catch { throw ExportError("cannot run \(dot): \(error.localizedDescription)") }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let svg = try? Data(contentsOf: drawn) else {
            throw ExportError("Graphviz's dot failed (status \(process.terminationStatus)): \(String(decoding: message, as: UTF8.self))")
        }
        return svg
    }
}
