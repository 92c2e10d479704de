import Foundation
import NASCore
import NASStore

/// The workspace folder or its store could not be used.
public struct WorkspaceError: SystemFailure, Sendable, Hashable {
    /// The workspace folder or file concerned.
    public let path: String
    /// Why it could not be used, in the user's terms.
    public let reason: String

    /// Creates the error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The message shown to the user.
    public var description: String { "cannot use the workspace '\(path)': \(reason)" }

    /// The error for a workspace folder that could not be created.
    static func creating(_ url: URL, _ error: Error) -> WorkspaceError {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return WorkspaceError(path: url.path, reason: "a file with that name is in the way (naslab keeps its results in a folder there)")
        }
        return WorkspaceError(path: url.path, reason: "the folder cannot be created (\(Self.plain(error)))")
    }

    /// The error for a store that could not be opened.
    static func openingStore(_ store: URL, _ error: Error) -> WorkspaceError {
        WorkspaceError(path: store.deletingLastPathComponent().path,
                       reason: "its store cannot be opened: \(Self.plain(error)). Move \(store.lastPathComponent) away to start a new store")
    }

    /// An underlying error's own words, without Foundation's domain and code decoration.
    private static func plain(_ error: Error) -> String {
        if let store = error as? StoreError { return store.description }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.localizedDescription }
        return ns.localizedDescription
    }
}
