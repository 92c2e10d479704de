import Foundation
import NASCore
import NASExport
import NASSpaces
import NASTraining
import Testing
@testable import NASHardware

/// The onnxruntime device against an independent onnxruntime timing, against the work it is given,
/// and when its helper cannot run or is released.
///
/// Where python3 lacks onnxruntime the tests that need it skip with a printed reason, except under
/// `NASLAB_REQUIRE_EXTERNAL=1` (CI, set by scripts/test), where that fails.
@Suite(.serialized) struct OnnxRuntimeDeviceTests {
    /// The device at `threads`, or nil (a recorded failure under `NASLAB_REQUIRE_EXTERNAL=1`, a printed skip otherwise).
    static func device(threads: Int = 1, for test: String) -> OnnxRuntimeDevice? {
        do { return try OnnxRuntimeDevice(threads: threads) } catch {
            let reason = "\(test): \(error)"
            if ProcessInfo.processInfo.environment["NASLAB_REQUIRE_EXTERNAL"] == "1" {
                Issue.record("NASLAB_REQUIRE_EXTERNAL=1 but \(reason)")
            } else {
                print("skipped: \(reason)")
            }
            return nil
        }
    }

    /// Runs `python3 -c program arguments…` and returns its standard output.
    static func python(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process(), output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [OnnxRuntimeDevice.defaultPython, "-c", program] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The median of 30 calls (after 5 untimed) of an ONNX file, timed by a python program of its own.
    static let independentTiming = """
        import statistics, sys, time
        import numpy, onnxruntime
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(sys.argv[1], options, providers=["CPUExecutionProvider"])
        feed = {"input": numpy.zeros([1] + session.get_inputs()[0].shape[1:], numpy.float32)}
        for _ in range(5): session.run(None, feed)
        calls = []
        for _ in range(30):
            start = time.perf_counter(); session.run(None, feed); calls.append(time.perf_counter() - start)
        print(statistics.median(calls))
        """

    @Test("the device's median agrees within 2× with python's own timing of the exported file")
    func agreesWithIndependentTiming() throws {
        guard let device = Self.device(for: "agreesWithIndependentTiming") else { return }
        #expect(device.name == "onnxruntime/1t")
        let version = try Self.python("import onnxruntime; print(onnxruntime.__version__)", []).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(device.engineVersion == "onnxruntime \(version)")
        let spec = try EngineDeviceTests.network(layers: 4, channels: 64)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-ort-test-\(UUID().uuidString).onnx")
        defer { try? FileManager.default.removeItem(at: file) }
        try ArchitectureExporter.export(try Model(spec: spec, seed: 0), title: "test", origin: "seed 0", to: file.path)
        let m = try device.measure(spec, batch: 1, settings: MeasurementSettings(warmup: 5, repeats: 30), cancel: CancellationToken())
        let output = try Self.python(Self.independentTiming, [file.path])
        let reference = try #require(Double(output.trimmingCharacters(in: .whitespacesAndNewlines)), "python printed '\(output)'")
        #expect(m.samples.count == 30 && m.samples.allSatisfy { $0 > 0 } && reference > 0)
        #expect(m.peakMemoryBytes == nil)
        #expect(m.median < 2 * reference && reference < 2 * m.median, "device \(m.median) s, python \(reference) s")
    }

    @Test("a network of 4× the MACs is measurably slower")
    func latencyGrowsWithWork() throws {
        guard let device = Self.device(for: "latencyGrowsWithWork") else { return }
        let settings = MeasurementSettings(warmup: 3, repeats: 20)
        let small = try EngineDeviceTests.network(layers: 4, channels: 64), large = try EngineDeviceTests.network(layers: 4, channels: 128)
        #expect(Double(large.cost.macs) > 3.8 * Double(small.cost.macs))
        let fast = try device.measure(small, batch: 1, settings: settings, cancel: CancellationToken())
        let slow = try device.measure(large, batch: 1, settings: settings, cancel: CancellationToken())
        #expect(slow.minimum > 2 * fast.minimum, "4× MACs \(slow.minimum) s, 1× \(fast.minimum) s")
    }

    @Test("a loaded network is timed in turns without compiling it again, and stays until the next load")
    func loadedNetworkTimedInTurns() throws {
        guard let device = Self.device(for: "loadedNetworkTimedInTurns") else { return }
        let small = try EngineDeviceTests.network(layers: 4, channels: 64), large = try EngineDeviceTests.network(layers: 4, channels: 128)
        try device.load(large, batch: 1)
        let turns = try (0..<3).map { _ in try device.timeLoaded(warmup: 1, repeats: 4, cancel: CancellationToken()) }
        #expect(turns.allSatisfy { $0.count == 4 })
        try device.load(small, batch: 1)
        let smallTurn = try device.timeLoaded(warmup: 1, repeats: 4, cancel: CancellationToken())
        // The second load replaced the first: its calls are the 4× cheaper network's.
        #expect(2 * smallTurn.min()! < turns.flatMap { $0 }.min()!, "small \(smallTurn), large \(turns)")
        let cancelled = CancellationToken()
        cancelled.cancel()
        #expect(throws: CancellationError.self) { try device.timeLoaded(warmup: 0, repeats: 4, cancel: cancelled) }
        // A model file from elsewhere loads the same way; a missing one is an error that names it.
        let file = try OnnxRuntimeDevice.writeModel(large)
        defer { try? FileManager.default.removeItem(at: file) }
        try device.load(modelAt: file, batch: 1)
        #expect(try device.timeLoaded(warmup: 1, repeats: 4, cancel: CancellationToken()).min()! > 2 * smallTurn.min()!)
        let missing = file.appendingPathExtension("missing")
        let error = #expect(throws: HardwareError.self) { try device.load(modelAt: missing, batch: 1) }
        #expect(error?.description.contains(missing.lastPathComponent) == true, "\(String(describing: error))")
    }

    @Test("a python without onnxruntime, or no python, is a clear error, not a crash or a hang")
    func missingOnnxRuntime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("naslab-no-ort-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A python3 whose `import onnxruntime` fails: a module of that name that raises ImportError comes first on its path.
        try "raise ImportError(\"No module named 'onnxruntime'\")\n".write(to: folder.appendingPathComponent("onnxruntime.py"), atomically: true, encoding: .utf8)
        let python = folder.appendingPathComponent("python3")
        try "#!/bin/sh\nPYTHONPATH='\(folder.path)' exec python3 \"$@\"\n".write(to: python, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: python.path)
        let error = try #require(throws: HardwareError.self) { try OnnxRuntimeDevice(threads: 1, python: python.path) }
        #expect(error.description.contains("onnxruntime is not installed") && error.description.contains("pip install onnxruntime"), "\(error)")
        let none = try #require(throws: HardwareError.self) { try OnnxRuntimeDevice(threads: 1, python: folder.appendingPathComponent("none").path) }
        #expect(none.description.contains("exited"), "\(none)")
    }

    @Test("the helper process is gone once the device is released, and a killed helper is replaced")
    func helperLifetime() throws {
        var pid: Int32 = 0
        do {
            guard let device = Self.device(for: "helperLifetime") else { return }
            pid = try #require(device.helper.processIdentifier)
            #expect(kill(pid, 0) == 0)
            kill(pid, SIGKILL)
            let spec = try EngineDeviceTests.network(layers: 1)
            do { _ = try device.measure(spec, batch: 1, settings: .quick, cancel: CancellationToken()) } catch let error as HardwareError {
                #expect(error.description.contains("exited"), "\(error)")
            }
            #expect(try device.measure(spec, batch: 1, settings: .quick, cancel: CancellationToken()).samples.count == 15)
            let replacement = try #require(device.helper.processIdentifier)
            #expect(replacement != pid)
            pid = replacement
            let token = CancellationToken()
            token.cancel()
            #expect(throws: CancellationError.self) { try device.measure(spec, batch: 1, settings: .quick, cancel: token) }
        }
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "helper \(pid) still exists")
    }
}
