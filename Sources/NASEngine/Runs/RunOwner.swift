import Foundation

/// Names the process working a run (`host:pid`) and tells whether that process still lives.
enum RunOwner {
    /// This process.
    static var current: String { "\(hostName):\(getpid())" }

    /// Whether the process named by `owner` may still be working: true for this process and
    /// for other hosts (which cannot be checked from here), and for a local process that exists.
    static func mayBeAlive(_ owner: String) -> Bool {
        guard let colon = owner.lastIndex(of: ":"), let pid = Int32(owner[owner.index(after: colon)...]) else { return false }
        guard owner[..<colon] == hostName, pid != getpid() else { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    private static var hostName: String { ProcessInfo.processInfo.hostName }
}
