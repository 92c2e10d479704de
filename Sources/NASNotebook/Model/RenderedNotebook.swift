import Foundation

/// A notebook rendered in one format: the main file's text and the files it links to.
public struct RenderedNotebook: Sendable, Equatable {
    /// A file the main file links to, such as a plot's SVG beside a Markdown page.
    public struct Attachment: Sendable, Equatable {
        /// The path relative to the main file's folder (`out_files/plot-1.svg`).
        public var path: String
        /// The file's text.
        public var contents: String

        /// Creates an attachment.
        public init(path: String, contents: String) {
            self.path = path
            self.contents = contents
        }
    }

    /// The main file's text.
    public var text: String
    /// The files the main file links to.
    public var attachments: [Attachment]

    /// Creates a rendered notebook.
    public init(text: String, attachments: [Attachment] = []) {
        self.text = text
        self.attachments = attachments
    }

    /// Writes the main file to `path` and each attachment beside it, creating their folders.
    public func write(to path: String) throws {
        let main = URL(fileURLWithPath: path)
        let folder = main.deletingLastPathComponent()
        for attachment in attachments {
            let url = folder.appendingPathComponent(attachment.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try attachment.contents.write(to: url, atomically: true, encoding: .utf8)
        }
        try text.write(to: main, atomically: true, encoding: .utf8)
    }
}
