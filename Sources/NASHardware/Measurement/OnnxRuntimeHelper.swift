import Foundation
import NASCore

/// The python3 process behind an `OnnxRuntimeDevice`: started once, asked over a socket, ended with its owner.
///
/// It runs the `onnxruntime_helper.py` resource (one JSON object a line each way, see the script).
/// The process talks over one end of a socket pair on its stdin and stdout, so that writing to a
/// helper that died is an error rather than naslab's SIGPIPE; its stderr goes to a temporary file
/// whose tail explains a helper that exits. Releasing the last reference closes the socket, and the
/// helper ends at the end of its input, as it does when naslab exits or is killed.
final class OnnxRuntimeHelper: @unchecked Sendable {
    /// One request line (`load` and `batch`, or `run`).
    private struct Request: Encodable {
        var load: String?
        var batch: Int?
        var run: Int?
    }

    /// One reply line.
    private struct Reply: Decodable {
        var ready: String?
        var seconds: [Double]?
        var error: String?
    }

    private let python: String
    private let threads: Int
    private let errorLog: URL
    /// Guards everything below: one measurement at a time talks to the process.
    private let lock = NSLock()
    private var process: Process?
    private var socket: Int32 = -1
    /// Bytes read past the last complete line.
    private var pending: [UInt8] = []
    /// The onnxruntime version the helper reported when it started.
    private var reportedVersion = "unknown"

    /// Starts `python` on the helper script for `threads` intra-op threads; throws a clear error when it cannot run.
    init(python: String, threads: Int) throws {
        self.python = python
        self.threads = threads
        errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-onnxruntime-\(UUID().uuidString).log")
        try lock.withLock { try start() }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: errorLog)
    }

    /// The onnxruntime version the helper runs (`1.17.1`).
    var version: String { lock.withLock { reportedVersion } }

    /// The running helper's process id (nil when none runs).
    var processIdentifier: Int32? { lock.withLock { process?.processIdentifier } }

    /// Loads the ONNX model at `path` for `batch`, runs it `warmup` times, then times `repeats` calls
    /// (`run(warmup:repeats:cancel:)`); returns the timed calls' seconds.
    func time(modelAt path: String, batch: Int, warmup: Int, repeats: Int, cancel: CancellationToken) throws -> [Double] {
        try lock.withLock {
            try loadLocked(modelAt: path, batch: batch)
            return try runLocked(warmup: warmup, repeats: repeats, cancel: cancel)
        }
    }

    /// Loads the ONNX model at `path` for `batch`; it stays loaded until the next load.
    func load(modelAt path: String, batch: Int) throws {
        try lock.withLock { try loadLocked(modelAt: path, batch: batch) }
    }

    /// Runs the loaded model `warmup` times, then times `repeats` calls; throws when none is loaded.
    func run(warmup: Int, repeats: Int, cancel: CancellationToken) throws -> [Double] {
        try lock.withLock { try runLocked(warmup: warmup, repeats: repeats, cancel: cancel) }
    }

    /// `load(modelAt:batch:)` with the lock held; starts the helper again if it has exited.
    private func loadLocked(modelAt path: String, batch: Int) throws {
        if process?.isRunning != true { try start() }
        _ = try ask(Request(load: path, batch: batch))
    }

    /// `run(warmup:repeats:cancel:)` with the lock held. The calls run back to back inside the
    /// helper, a request at a time: the first request is one call, each later one as many calls as
    /// the latest ones' time fits in a tenth of a second, so that `cancel` is checked that often
    /// while onnxruntime's threads seldom wait on the socket between calls.
    private func runLocked(warmup: Int, repeats: Int, cancel: CancellationToken) throws -> [Double] {
        let total = warmup + repeats
        var calls: [Double] = []
        while calls.count < total {
            try cancel.check()
            let recent = calls.suffix(3).max() ?? 0
            let n = calls.isEmpty ? 1 : min(total - calls.count, max(1, Int(0.1 / max(recent, 1e-6))))
            let reply = try ask(Request(run: n)).seconds ?? []
            guard reply.count == n else { throw HardwareError("the onnxruntime helper timed \(reply.count) calls, asked for \(n)") }
            calls += reply
        }
        return Array(calls.dropFirst(warmup))
    }

    /// Launches the process and waits for its `ready` line.
    private func start() throws {
        stop()
        guard let script = Bundle.module.url(forResource: "onnxruntime_helper", withExtension: "py", subdirectory: "Resources") else {
            throw HardwareError("naslab's onnxruntime helper script is missing from its resources")
        }
        let (mine, theirs) = try Self.socketPair()
        let child = FileHandle(fileDescriptor: theirs, closeOnDealloc: true)
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [python, script.path, String(threads)]
        p.standardInput = child
        p.standardOutput = child
        let log = try FileHandle(forWritingTo: errorLog)
        p.standardError = log
        do { try p.run() } catch {
            close(mine)
            throw HardwareError("cannot start \(python) for onnxruntime: \(error.localizedDescription)")
        }
        // Only the child holds its end now: when it exits, reading ours ends instead of blocking.
        try? child.close()
        try? log.close()
        process = p
        socket = mine
        pending = []
        reportedVersion = try receive().ready ?? "unknown"
    }

    /// Closes the socket (the helper ends at the end of its input) and waits for the process, killing it after 2 s.
    private func stop() {
        guard let p = process else { return }
        close(socket)
        process = nil
        socket = -1
        let deadline = Date().addingTimeInterval(2)
        while p.isRunning, Date() < deadline { usleep(5_000) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
    }

    /// Sends a request and returns its reply; an error reply or a dead helper throws.
    private func ask(_ request: Request) throws -> Reply {
        var line = try JSONEncoder().encode(request)
        line.append(10)
        try line.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = send(socket, raw.baseAddress! + offset, raw.count - offset, Self.noSignal)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw exited() }
                offset += n
            }
        }
        return try receive()
    }

    /// Reads one reply line; an error reply or the end of the helper's output throws.
    private func receive() throws -> Reply {
        while !pending.contains(10) {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let n = read(socket, &buffer, buffer.count)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw exited() }
            pending += buffer[..<n]
        }
        let end = pending.firstIndex(of: 10)!
        let line = Data(pending[..<end])
        pending.removeFirst(end + 1)
        guard let reply = try? JSONDecoder().decode(Reply.self, from: line) else {
            throw HardwareError("the onnxruntime helper answered something unreadable: \(String(decoding: line.prefix(200), as: UTF8.self))")
        }
        if let message = reply.error { throw HardwareError(message) }
        return reply
    }

    /// The error for a helper that stopped answering: its exit status and the end of its stderr.
    private func exited() -> HardwareError {
        let p = process
        stop()
        let status = p.map { "status \($0.terminationStatus)" } ?? "no process"
        let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
        let tail = log.split(separator: "\n").suffix(3).joined(separator: " | ")
        return HardwareError("the onnxruntime helper (\(python)) exited (\(status))\(tail.isEmpty ? "" : ": \(tail)")")
    }

    /// A connected pair of stream sockets, both closed on exec (the child gets its end as stdin and stdout).
    private static func socketPair() throws -> (Int32, Int32) {
        var fds: [Int32] = [-1, -1]
        #if os(Linux)
        let kind = Int32(SOCK_STREAM.rawValue)
        #else
        let kind = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, kind, 0, &fds) == 0 else {
            throw HardwareError("cannot create a socket for the onnxruntime helper: \(String(cString: strerror(errno)))")
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        #if !os(Linux)
        var on: Int32 = 1
        _ = setsockopt(fds[0], SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        return (fds[0], fds[1])
    }

    /// `send`'s flag that makes writing to a closed socket an error instead of SIGPIPE (Linux; Darwin sets SO_NOSIGPIPE).
    #if os(Linux)
    private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
    private static let noSignal: Int32 = 0
    #endif
}
