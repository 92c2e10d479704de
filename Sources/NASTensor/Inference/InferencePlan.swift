import CDNNL
import Foundation
import Synchronization

/// A network compiled for one input shape: every kernel built once, weights in the kernels'
/// layouts, all intermediate values in one preallocated buffer whose regions are reused once a
/// value is no longer needed, persistent oneDNN streams and scratchpads. A call copies the input
/// in, runs the list of kernels and copies the output out.
///
/// With two lanes, the kernels are split between the calling thread and a helper thread
/// (`LaneWorker`), each running its kernels single-threaded and waiting only for the other
/// lane's kernels it depends on: independent branches of a cell run side by side.
///
/// A plan is not thread-safe: one call at a time (`InferenceModel` keeps one per batch size).
public final class InferencePlan {
    /// The `[n, c, h, w]` input it runs.
    public let inputDims: [Int]
    /// The `[n, c, h, w]` dims of its output.
    public let outputDims: [Int]
    /// The kernel threads each lane's kernels were built for and run with.
    public let threads: Int
    /// The number of threads running kernels side by side (1 or 2).
    public let lanes: Int
    /// The number of kernels per call.
    public let kernelCount: Int
    /// The number of kernels that carry a folded batch norm, a fused activation or a fused sum.
    public let fusedKernelCount: Int
    /// The number of convolutions that run oneDNN's Winograd kernel.
    public let winogradKernelCount: Int
    /// The number of convolutions split in two kernels over halves of their output channels (one per lane).
    public let splitConvolutionCount: Int
    /// Bytes of the buffer that holds every intermediate value.
    public let arenaBytes: Int
    /// One line per kernel: the oneDNN implementation that runs it, and its lane.
    public let kernelSummary: [String]

    private enum Step {
        case primitive(OpaquePointer, UnsafeMutablePointer<dnnl_exec_arg_t>, Int32)
        case zero(UnsafeMutableRawPointer, Int)
        case shift(UnsafePointer<Float>, UnsafeMutablePointer<Float>, planes: Int, h: Int, w: Int, rows: Int, cols: Int)
    }

    private let steps: [Step]
    private let schedule: LaneSchedule
    private let laneSteps: [[Int]]
    private let done: [StepFlag]
    private var generation: UInt64 = 0
    private let streams: [DNNLStream]
    private let arena: UnsafeMutableRawPointer
    private let scratch: [UnsafeMutableRawPointer]
    private let inputPointer: UnsafeMutableRawPointer
    private let outputPointer: UnsafeMutableRawPointer
    private let retained: [AnyObject]
    private let argumentLists: [UnsafeMutablePointer<dnnl_exec_arg_t>]

    init(lowering: PlanLowering, inputDims: [Int], outputDims: [Int], threads: Int, lanes: Int) throws {
        self.inputDims = inputDims
        self.outputDims = outputDims
        self.threads = threads
        let (offsets, total) = Self.placeBuffers(lowering, margin: lanes > 1 ? 8 : 0)
        arenaBytes = total
        let base = UnsafeMutableRawPointer.allocate(byteCount: max(total, 64), alignment: 4096)
        arena = base
        let address = { (b: Int) in base + offsets[b] }
        var schedule = LaneSchedule.sequential(lowering.steps.count)
        if lanes > 1 {
            schedule = LaneSchedule.twoLanes(Self.accesses(lowering, offsets), handoff: 100_000)
        }
        self.schedule = schedule
        self.lanes = schedule.usesBothLanes ? 2 : 1
        let scratchBytes = lowering.steps.reduce(0) { most, step in
            guard case .primitive(let p) = step.kind else { return most }
            return max(most, DNNL.byteSize(p.scratchpadDesc))
        }
        scratch = (0..<self.lanes).map { _ in UnsafeMutableRawPointer.allocate(byteCount: max(scratchBytes, 64), alignment: 4096) }
        streams = try (0..<self.lanes).map { _ in try DNNLStream() }
        inputPointer = address(0)
        outputPointer = address(lowering.outputBuffer)
        var steps: [Step] = [], retained: [AnyObject] = [], lists: [UnsafeMutablePointer<dnnl_exec_arg_t>] = []
        var summary: [String] = []
        for (i, step) in lowering.steps.enumerated() {
            let (bound, name) = try Self.bind(step, scratch: scratch[schedule.lane[i]], address: address,
                                              retained: &retained, lists: &lists)
            steps.append(bound)
            summary.append(name)
        }
        self.steps = steps
        self.retained = retained
        argumentLists = lists
        laneSteps = (0..<2).map { l in steps.indices.filter { schedule.lane[$0] == l } }
        done = steps.map { _ in StepFlag() }
        kernelCount = steps.count
        fusedKernelCount = lowering.fusedKernels
        winogradKernelCount = lowering.winogradKernels
        splitConvolutionCount = lowering.splitConvolutionCount
        let split = self.lanes > 1
        kernelSummary = zip(summary, schedule.lane).map { split ? "\($0) (lane \($1))" : $0 }
    }

    /// A lowered kernel with its memory objects and argument list made for the arena's
    /// addresses and the lane's scratchpad; its name for `kernelSummary`.
    private static func bind(_ step: PlanLowering.Step, scratch: UnsafeMutableRawPointer,
                             address: (Int) -> UnsafeMutableRawPointer, retained: inout [AnyObject],
                             lists: inout [UnsafeMutablePointer<dnnl_exec_arg_t>]) throws -> (Step, String) {
        func pointer(_ a: PlanLowering.Arg) -> UnsafeMutableRawPointer {
            guard case .buffer(let b) = a.source else { preconditionFailure("own kernels read arena buffers") }
            return address(b) + a.offset
        }
        switch step.kind {
        case .primitive(let p):
            var args: [dnnl_exec_arg_t] = []
            for a in step.args {
                let memory: DNNLMemory
                switch a.source {
                case .buffer(let b): memory = try DNNLMemory(a.desc, address(b) + a.offset)
                case .constant(let m): memory = m
                }
                retained.append(memory)
                args.append(dnnl_exec_arg_t(arg: a.index, memory: memory.handle))
            }
            if DNNL.byteSize(p.scratchpadDesc) > 0 {
                let memory = try DNNLMemory(p.scratchpadDesc, scratch)
                retained.append(memory)
                args.append(dnnl_exec_arg_t(arg: DNNL.Arg.scratchpad, memory: memory.handle))
            }
            let list = UnsafeMutablePointer<dnnl_exec_arg_t>.allocate(capacity: args.count)
            list.initialize(from: args, count: args.count)
            lists.append(list)
            retained.append(p)
            return (.primitive(p.primitive, list, Int32(args.count)), p.implementation)
        case .zero:
            return (.zero(pointer(step.args[0]), DNNL.byteSize(step.args[0].desc)), "zero fill")
        case .shift(let rows, let cols, let dims):
            let src = UnsafePointer(pointer(step.args[0]).assumingMemoryBound(to: Float.self))
            let dst = pointer(step.args[1]).assumingMemoryBound(to: Float.self)
            return (.shift(src, dst, planes: dims[0] * dims[1], h: dims[2], w: dims[3], rows: rows, cols: cols), "shift")
        }
    }

    deinit {
        for list in argumentLists { list.deallocate() }
        arena.deallocate()
        for s in scratch { s.deallocate() }
    }

    /// Each kernel's byte ranges in the arena and its estimated cost (multiply-adds, plus the
    /// values it touches and a fixed cost per call).
    private static func accesses(_ lowering: PlanLowering, _ offsets: [Int]) -> [LaneSchedule.Access] {
        lowering.steps.map { step in
            var access = LaneSchedule.Access(reads: [], writes: [], cost: 100_000 + Double(step.macs))
            for a in step.args {
                guard case .buffer(let b) = a.source else { continue }
                // A part of a buffer (half a split convolution's output) claims only its own bytes.
                let start = offsets[b] + a.offset
                let bytes = a.partial ? DNNL.byteSize(a.desc) : lowering.bufferBytes[b]
                let range = start..<(start + max(bytes, 4))
                if a.writes { access.writes.append(range) } else { access.reads.append(range) }
                access.cost += Double(lowering.bufferBytes[b] / 4) * 10
            }
            return access
        }
    }

    /// Gives each buffer an offset in one arena: buffers used during overlapping spans of the
    /// kernel list get disjoint regions; the others share (largest first, lowest free offset).
    /// With `margin`, a region is reused only `margin` kernels after its last use (so that
    /// kernels on different lanes rarely wait for each other because of shared memory).
    private static func placeBuffers(_ lowering: PlanLowering, margin: Int) -> (offsets: [Int], total: Int) {
        let count = lowering.bufferBytes.count
        var first = [Int](repeating: Int.max, count: count), last = [Int](repeating: -1, count: count)
        first[0] = -1  // the input is written before the first kernel
        for (i, step) in lowering.steps.enumerated() {
            for a in step.args {
                guard case .buffer(let b) = a.source else { continue }
                first[b] = min(first[b], i)
                last[b] = max(last[b], i + margin)
            }
        }
        last[lowering.outputBuffer] = Int.max  // read after the last kernel
        let size = lowering.bufferBytes.map { ($0 + 63) / 64 * 64 }
        var offsets = [Int](repeating: 0, count: count)
        var placed: [Int] = []
        var total = 0
        for b in (0..<count).sorted(by: { size[$0] > size[$1] }) {
            let overlapping = placed.filter { first[$0] <= last[b] && first[b] <= last[$0] }
                .map { (offsets[$0], offsets[$0] + size[$0]) }.sorted { $0.0 < $1.0 }
            var offset = 0
            for (start, end) in overlapping {
                if offset + size[b] <= start { break }
                offset = max(offset, end)
            }
            offsets[b] = offset
            placed.append(b)
            total = max(total, offset + size[b])
        }
        return (offsets, total)
    }

    /// Runs the plan on a plain or blocked `[n, c, h, w]` batch of exactly `inputDims`; returns
    /// the output as `[n, c·h·w]`.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        guard x.shape == inputDims else {
            throw InferenceGraphError("this inference plan runs inputs of shape \(inputDims), not \(x.shape)")
        }
        let plain = try x.plain()
        inputPointer.copyMemory(from: plain.storage.pointer, byteCount: x.count * 4)
        try execute()
        let features = outputDims[1] * outputDims[2] * outputDims[3]
        let out = Tensor(uninitialized: [outputDims[0], features])
        out.storage.raw.copyMemory(from: outputPointer, byteCount: out.count * 4)
        return out
    }

    /// Seconds each kernel takes (the fastest of `repeats` runs of the whole list, run in list
    /// order on the calling thread), for profiling; same order as `kernelSummary`.
    public func kernelTimes(_ x: Tensor, repeats: Int = 20) throws -> [Double] {
        _ = try callAsFunction(x)
        let previous = ComputeThreads.current
        if previous != threads { ComputeThreads.apply(threads) }
        defer { if previous != threads { ComputeThreads.apply(previous) } }
        var best = [UInt64](repeating: .max, count: steps.count)
        for _ in 0..<repeats {
            for s in steps.indices {
                let start = DispatchTime.now().uptimeNanoseconds
                try run(s, stream: streams[0])
                best[s] = min(best[s], DispatchTime.now().uptimeNanoseconds - start)
            }
        }
        return best.map { Double($0) / 1e9 }
    }

    /// Runs every kernel once on the input already in place.
    private func execute() throws {
        let previous = ComputeThreads.current
        if previous != threads { ComputeThreads.apply(threads) }
        defer { if previous != threads { ComputeThreads.apply(previous) } }
        generation &+= 1
        if lanes == 1 {
            for s in steps.indices { try run(s) }
            try streams[0].wait()
            return
        }
        let failure = FailureBox()
        let plan = UncheckedPlan(plan: self)
        let g = generation
        let parallel = LaneWorker.shared.run({ failure.record { try plan.plan.runLane(0, generation: g) } },
                                             { failure.record { try plan.plan.runLane(1, generation: g) } })
        if let error = failure.error { throw error }
        if !parallel {  // another plan has the helper thread: list order satisfies every dependency
            for s in steps.indices { try run(s, stream: streams[0]) }
        }
    }

    /// Runs one lane's kernels in order, each after the other lane's kernels it depends on.
    fileprivate func runLane(_ lane: Int, generation g: UInt64) throws {
        defer { for s in laneSteps[lane] { done[s].value.store(g, ordering: .releasing) } }
        for s in laneSteps[lane] {
            for w in schedule.waits[s] {
                var spins = 0
                while done[w].value.load(ordering: .acquiring) != g {
                    spins += 1
                    if spins > 4096 { sched_yield() }
                }
            }
            try run(s, stream: streams[lane])
            done[s].value.store(g, ordering: .releasing)
        }
    }

    /// Runs kernel `s`.
    private func run(_ s: Int, stream: DNNLStream? = nil) throws {
        switch steps[s] {
        case .primitive(let p, let args, let n):
            try DNNLError.check(dnnl_primitive_execute(p, (stream ?? streams[0]).handle, n, args), "primitive_execute")
        case .zero(let p, let bytes):
            p.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        case .shift(let src, let dst, let planes, let h, let w, let rows, let cols):
            Self.shift(src, dst, planes: planes, h: h, w: w, rows: rows, cols: cols)
        }
    }

    /// Each plane's pixels moved up-left by (rows, cols), zeros where nothing moved in.
    private static func shift(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, planes: Int, h: Int,
                              w: Int, rows: Int, cols: Int) {
        dst.update(repeating: 0, count: planes * h * w)
        guard rows < h, cols < w else { return }
        for p in 0..<planes {
            let base = p * h * w
            for y in 0..<(h - rows) {
                for x in 0..<(w - cols) { dst[base + y * w + x] = src[base + (y + rows) * w + x + cols] }
            }
        }
    }
}

/// A flag per kernel: the number of the last call in which it finished.
private final class StepFlag: Sendable {
    let value = Atomic<UInt64>(0)
}

/// The first error either lane met.
private final class FailureBox: @unchecked Sendable {
    private let lock = Mutex<(any Error)?>(nil)

    var error: (any Error)? { lock.withLock { $0 } }

    func record(_ body: () throws -> Void) {
        do { try body() } catch { lock.withLock { if $0 == nil { $0 = error } } }
    }
}

/// Hands a plan to the lane worker (a plan runs one call at a time; its lanes touch disjoint
/// state or wait for each other through the step flags).
private struct UncheckedPlan: @unchecked Sendable {
    let plan: InferencePlan
}
