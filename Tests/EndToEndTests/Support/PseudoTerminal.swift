import Foundation

/// Runs naslab on a pseudo-terminal, types into it and reads what it draws.
///
/// The child runs under `setsid -c`, so the pty is its controlling terminal and Ctrl-C (`\u{3}`)
/// typed on it raises SIGINT, as on a real terminal.
final class PseudoTerminal {
    /// Raised when expected text does not appear in time.
    struct Timeout: Error, CustomStringConvertible {
        /// What was awaited.
        let expected: String
        /// What had been read since the last match.
        let screen: String

        var description: String { "timed out waiting for \(expected.debugDescription); got \(screen.debugDescription)" }
    }

    private let master: Int32
    private let process = Process()
    private var unread = ""
    /// Everything read so far.
    private(set) var transcript = ""

    /// Starts naslab with `arguments` on a new 100×30 pseudo-terminal, in `directory`.
    init(arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, let name = Self.unlockSlave(of: master) else { throw POSIXError(.ENOTTY) }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw POSIXError(.ENOTTY) }
        defer { close(slave) }
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["-w", "-c", NaslabBinary.path] + arguments
        process.currentDirectoryURL = directory
        process.environment = NaslabBinary.testEnvironment(home: directory).merging(extra) { $1 }
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// Unlocks the slave side of a `/dev/ptmx` master and returns its path (what `unlockpt` and
    /// `ptsname` do; Swift's Glibc module does not export those two).
    private static func unlockSlave(of master: Int32) -> String? {
        let setLock: UInt = 0x4004_5431     // TIOCSPTLCK = _IOW('T', 0x31, int)
        let getNumber: UInt = 0x8004_5430   // TIOCGPTN = _IOR('T', 0x30, unsigned int)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else { return nil }
        return "/dev/pts/\(number)"
    }

    /// Hangs up the terminal (naslab reads end-of-input and leaves); kills what is left after 2 s.
    deinit {
        close(master)
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Types `text` (use `\r` for Enter, `\u{1b}[A` for Up, `\t` for Tab, `\u{3}` for Ctrl-C).
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        while !bytes.isEmpty {
            let written = write(master, bytes, bytes.count)
            if written <= 0 { return }
            bytes.removeFirst(written)
        }
    }

    /// Reads for `seconds` (a moment by default). After a prompt appeared, this waits until the
    /// line editor has switched the terminal to raw mode: a Ctrl-D typed earlier reaches the terminal in cooked mode, which swallows it
    /// (libedit changes modes with TCSADRAIN, after the prompt has been read from the master).
    func settle(for seconds: TimeInterval = 0.2) {
        let deadline = Date().addingTimeInterval(seconds)
        while deadline.timeIntervalSinceNow > 0, readSome(waitingAtMost: deadline.timeIntervalSinceNow) {}
    }

    /// Reads until `text` appears (after earlier matches); returns everything read up to and including it.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = unread.range(of: text) {
                let seen = String(unread[..<range.upperBound])
                unread = String(unread[range.upperBound...])
                return seen
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, readSome(waitingAtMost: remaining) else {
                throw Timeout(expected: text, screen: unread)
            }
        }
    }

    /// Waits for the process to end and returns its exit status (nil on timeout).
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            _ = readSome(waitingAtMost: 0.05)
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Reads what is available within `seconds`; false when nothing more can come.
    private func readSome(waitingAtMost seconds: TimeInterval) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(1, min(seconds, 1) * 1000)))
        if ready <= 0 { return process.isRunning }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count < 0, errno == EAGAIN || errno == EINTR { return true }
        guard count > 0 else { return false }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        unread += text
        transcript += text
        return true
    }
}
