import Foundation
import NASSpaces
import NASTraining

/// Writes a network with its weights to a file whose extension picks the format: `.py` (a
/// PyTorch module, with its weights in a `.safetensors` file of the same name beside it) or
/// `.onnx` (an ONNX model with the weights inside).
public enum ArchitectureExporter {
    /// The extensions `export` accepts.
    public static let extensions = ["py", "onnx"]

    /// Writes `model`'s network and weights to `path`; returns the paths of the files written.
    /// `title` names the architecture in the files; `origin` says where the weights came from.
    @discardableResult
    public static func export(_ model: Model, title: String, origin: String, to path: String) throws -> [String] {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        guard extensions.contains(ext) else {
            throw ExportError("cannot export to '\(path)': the file must end in .py (a PyTorch module) or .onnx (an ONNX model)")
        }
        let weights = try NetworkWeights(model: model, origin: origin)
        if ext == "onnx" {
            try write(Data(try ONNXExporter.model(weights, title: title)), to: url)
            return [path]
        }
        let weightURL = url.deletingPathExtension().appendingPathExtension("safetensors")
        let source = PyTorchExporter(weights).source(title: title, weightFile: weightURL.lastPathComponent)
        try write(Data(source.utf8), to: url)
        try write(SafetensorsFile.bytes(weights.namedTensors, metadata: ["origin": origin]), to: weightURL)
        return [path, weightURL.path]
    }

    /// Writes a file, with an error that names it.
    static func write(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw ExportError("cannot write '\(url.path)': \(error.localizedDescription)")
        }
    }
}
