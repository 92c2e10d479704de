import Foundation

/// A TCP proxy between the store and the test server that, once armed, cuts the connection at
/// the next COMMIT: either after passing it on (the server commits, its answer is lost) or
/// instead of passing it on (the server never sees it and rolls back).
final class CommitDroppingProxy: @unchecked Sendable {
    /// Where the COMMIT is cut.
    enum Cut: Sendable { case afterForwarding, beforeForwarding }

    /// The port the proxy listens on (127.0.0.1).
    let port: Int
    /// Whether the next COMMIT is cut, and how.
    let armed = LockedValue<Cut?>(nil)
    /// How many connections were cut.
    let cuts = LockedValue(0)
    private let listener: Int32
    private let serverPort: Int

    /// Listens on a free port and forwards every connection to `serverPort`.
    init(to serverPort: Int) throws {
        self.serverPort = serverPort
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ready else {
            Glibc.close(fd)
            throw PostgresTestServerError("the proxy cannot listen")
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Stops accepting connections.
    func close() { shutdown(listener, Int32(SHUT_RDWR)) }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: serverPort)
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            guard connected else { Glibc.close(client); Glibc.close(upstream); continue }
            let open = LockedValue(2)   // pumps still running; the last one closes both sockets
            let severed = LockedValue(false)   // set at a cut: nothing more reaches the client
            for (from, to, watch) in [(client, upstream, true), (upstream, client, false)] {
                Thread.detachNewThread { [self] in
                    pump(from: from, to: to, watchForCommit: watch, severed: severed)
                    shutdown(from, Int32(SHUT_RDWR))
                    shutdown(to, Int32(SHUT_RDWR))
                    if open.withLock({ $0 -= 1; return $0 }) == 0 { Glibc.close(client); Glibc.close(upstream) }
                }
            }
        }
    }

    /// Copies bytes until either side closes, or until an armed COMMIT is cut.
    private func pump(from: Int32, to: Int32, watchForCommit: Bool, severed: LockedValue<Bool>) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let commit = Array("COMMIT\0".utf8)
        while true {
            let count = read(from, &buffer, buffer.count)
            if count <= 0 { return }
            let chunk = Array(buffer[0..<count])
            var cut: Cut?
            if watchForCommit, Self.contains(chunk, commit) { cut = armed.withLock { value in defer { value = nil }; return value } }
            if cut != nil { severed.withLock { $0 = true } }
            if !watchForCommit, severed.withLock({ $0 }) { return }   // the server's answer is lost
            if cut != .beforeForwarding, !Self.writeAll(chunk, to: to) { return }
            if let cut {
                cuts.withLock { $0 += 1 }
                if cut == .afterForwarding { Thread.sleep(forTimeInterval: 0.3) }   // the server commits meanwhile
                return
            }
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}
