import Foundation

/// Where a student is in the tutorial, kept in the workspace so that they can leave and come back.
public struct TutorialProgress: Codable, Sendable, Equatable {
    /// The current lesson (0-based).
    public var lesson = 0
    /// The current step of that lesson (0-based).
    public var step = 0
    /// The lessons finished (0-based), in the order they were finished.
    public var finished: [Int] = []

    /// A fresh start at lesson 1, step 1.
    public init() {}

    /// The progress stored at `url`, or a fresh start when there is none (or it cannot be read).
    public static func load(from url: URL) -> TutorialProgress {
        guard let data = try? Data(contentsOf: url) else { return TutorialProgress() }
        return (try? JSONDecoder().decode(TutorialProgress.self, from: data)) ?? TutorialProgress()
    }

    /// Writes the progress to `url`, creating its folder.
    public func save(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}
