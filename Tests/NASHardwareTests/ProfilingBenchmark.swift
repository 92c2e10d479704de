import Foundation
import NASCore
import NASSearch
import NASSpaces
import NASTraining
import Testing
@testable import NASHardware

/// The real case of search-space profiling on this machine, for `scripts/bench.d/profiling.sh`; runs
/// only with `NASLAB_BENCH=1` and asserts nothing about the outcome: it reports it.
///
/// Accuracy is real short training on an MNIST subset (`mnist5k`, 1×28×28), latency is measured
/// with naslab's engine at one thread (`EngineDevice`). The latency target is the median latency of
/// the basenet space's SSBNs (measured first, and charged to profiling). Profiling scores every
/// SSBN (76 for 4 blocks × 6 positions) and keeps the best share; then the same strategy with the
/// same trial budget searches the full space and the profiled space under `latency < target`,
/// for several seeds. Reported per space: the best feasible accuracy (validation and test), its
/// measured latency, trials and seconds of search, and for the profiled space the profiling's own
/// trials and seconds added. Each architecture is trained and measured once (training seed 1), and
/// every search is charged what its evaluations cost when first made (`ChargedCache`), so searches
/// share work in wall time but each reports the seconds it would have spent alone. Zeng et al. report up to 12.7% higher accuracy, 2.2× lower latency and
/// 4.35× less search time for their profiled space on their accelerator.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["NASLAB_BENCH"] == "1"))
struct ProfilingBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static func setting(_ name: String, _ fallback: Int) -> Int { Int(environment[name] ?? "") ?? fallback }
    static let train = setting("NASLAB_PROFILE_TRAIN", 1000)
    static let valid = setting("NASLAB_PROFILE_VALID", 500)
    static let epochs = setting("NASLAB_PROFILE_EPOCHS", 2)
    static let batch = setting("NASLAB_PROFILE_BATCH", 32)
    static let trials = setting("NASLAB_PROFILE_TRIALS", 20)
    static let seeds = setting("NASLAB_PROFILE_SEEDS", 3)
    static let positions = setting("NASLAB_PROFILE_POSITIONS", 2)
    static let keep = Double(environment["NASLAB_PROFILE_KEEP"] ?? "") ?? 0.1
    static let strategy = environment["NASLAB_PROFILE_STRATEGY"] ?? "evolution"

    /// One search's outcome.
    struct SearchResult {
        var accuracy: Double?, testAccuracy: Double?, latency: Double?, arch: String?
        var trials: Int, seconds: Double
        /// Best feasible accuracy after each trial (nil before the first feasible one).
        var curve: [Double?]
    }

    @Test func profileThenSearch() throws {
        let data = try BuiltinDatasets.load("mnist5k", train: Self.train, valid: Self.valid, test: 500, seed: 1)
        let config = TrainingConfig(epochs: Self.epochs, batchSize: Self.batch, learningRate: 0.1, threads: 1)
        let latency = try MeasuredLatencyEvaluator(device: try EngineDevice(threads: 1), settings: .standard, input: data.shape)
        let evaluator = ChargedCache(CombinedEvaluator([TrainingEvaluator(dataset: data, config: config), latency]))
        let space = try SpaceCatalogue.basenet(positions: Self.positions)
        print("BENCH profiling: basenet \(space.blockCount) positions × \(space.blocks.count) blocks (\(space.size) architectures), mnist5k \(data.train.count)/\(data.valid.count)/\(data.test.count), \(config), strategy \(Self.strategy), \(Self.trials) trials × \(Self.seeds) seeds, keep \(Self.keep), load \(Self.load())")

        let start = Date()
        let target = try latencyTarget(space, latency)
        let profiler = try SearchSpaceProfiler(latencyTarget: target, threshold: .fraction(Self.keep))
        let profiled = try profiler.profile(space, accuracy: evaluator, latency: evaluator)
        let profileSeconds = Date().timeIntervalSince(start)
        let noise = evaluator.meanNoise()
        let profileTrials = profiled.ranking.count
        print(String(format: "BENCH target %.3f ms (median SSBN latency); profiled %d SSBNs in %.1f s: %@ architectures kept of %@; latency noise CV %.3f (mean over SSBNs)",
                     target * 1000, profileTrials, profileSeconds, profiled.size.description, space.size.description, noise))
        for (p, types) in profiled.keptTypes.enumerated() { print("BENCH   position \(p + 1): \(types.joined(separator: " "))") }
        for n in profiled.ranking.prefix(5) {
            print(String(format: "BENCH   ssbn %@ acc %.4f lat %.3f ms cost %.4f", space.canonical(n.architecture),
                         n.accuracy ?? .nan, (n.latency ?? .nan) * 1000, n.cost))
        }

        var rows: [(String, [SearchResult])] = [("full", []), ("profiled", [])]
        for seed in 1...UInt64(Self.seeds) {
            for i in rows.indices {
                let searched: any SearchSpace = i == 0 ? space : profiled
                let r = try search(searched, evaluator: evaluator, target: target, seed: seed)
                rows[i].1.append(r)
                print(String(format: "BENCH seed %d %-8@ best acc %@ test %@ lat %@ ms (%@), %d trials, %.1f s", seed, rows[i].0,
                             Self.text(r.accuracy, 4), Self.text(r.testAccuracy, 4), Self.text(r.latency.map { $0 * 1000 }, 3),
                             r.arch ?? "no feasible trial", r.trials, r.seconds))
            }
        }
        report(rows[0].1, rows[1].1, profileTrials: profileTrials, profileSeconds: profileSeconds)
    }

    /// The median latency of the space's SSBNs, measured once.
    private func latencyTarget(_ space: BasenetSpace, _ latency: any Evaluator) throws -> Double {
        let ssbns = try SearchSpaceProfiler().ssbns(of: space)
        let latencies = try ssbns.map { n in
            try latency.evaluate(n.architecture, in: space, fidelity: .full, seed: 1, cancel: CancellationToken()).metrics["latency"] ?? .nan
        }.sorted()
        return latencies[latencies.count / 2]
    }

    /// One search of `space` under `latency < target`; its cost is what its evaluations cost when first made.
    private func search(_ space: any SearchSpace, evaluator: ChargedCache, target: Double, seed: UInt64) throws -> SearchResult {
        let objective = Objective.maximize("accuracy", constraints: [Constraint("latency", .less, target)])
        let loop = SearchLoop(space: space, evaluator: evaluator, objective: objective, budget: .trials(Self.trials), seed: seed)
        evaluator.resetCharge()
        let outcome = try loop.run(try StrategyRegistry.make(Self.strategy, space: space, seed: seed))
        let seconds = evaluator.charged()
        var best: Double? = nil
        let curve: [Double?] = outcome.trials.map { t in
            if let a = t.result.metrics["accuracy"], let l = t.result.metrics["latency"], l < target { best = max(best ?? a, a) }
            return best
        }
        let b = outcome.best
        return SearchResult(accuracy: b?.result.metrics["accuracy"], testAccuracy: b?.result.metrics["test_accuracy"],
                            latency: b?.result.metrics["latency"], arch: b.map { space.canonical($0.proposal.architecture) },
                            trials: outcome.trials.count, seconds: seconds, curve: curve)
    }

    /// Means over seeds, the ratios beside the paper's, and how many trials the profiled search needed to match the full one.
    private func report(_ full: [SearchResult], _ profiled: [SearchResult], profileTrials: Int, profileSeconds: Double) {
        func mean(_ xs: [Double?]) -> Double? {
            let v = xs.compactMap { $0 }
            return v.isEmpty ? nil : v.reduce(0, +) / Double(v.count)
        }
        let fAcc = mean(full.map(\.accuracy)), pAcc = mean(profiled.map(\.accuracy))
        let fTest = mean(full.map(\.testAccuracy)), pTest = mean(profiled.map(\.testAccuracy))
        let fLat = mean(full.map(\.latency)), pLat = mean(profiled.map(\.latency))
        let fSec = full.map(\.seconds).reduce(0, +) / Double(full.count)
        let pSec = profiled.map(\.seconds).reduce(0, +) / Double(profiled.count)
        // Trials the profiled search took to reach the full search's final best, per seed (nil: never).
        let toMatch: [Int?] = zip(full, profiled).map { f, p in
            guard let goal = f.accuracy else { return 1 }
            return p.curve.firstIndex { ($0 ?? -1) >= goal }.map { $0 + 1 }
        }
        print(String(format: "BENCH mean over %d seeds: full acc %@ test %@ lat %@ ms search %.1f s / %d trials", full.count,
                     Self.text(fAcc, 4), Self.text(fTest, 4), Self.text(fLat.map { $0 * 1000 }, 3), fSec, Self.trials))
        print(String(format: "BENCH mean over %d seeds: profiled acc %@ test %@ lat %@ ms search %.1f s / %d trials (+ profiling %.1f s / %d trainings once)",
                     profiled.count, Self.text(pAcc, 4), Self.text(pTest, 4), Self.text(pLat.map { $0 * 1000 }, 3), pSec, Self.trials,
                     profileSeconds, profileTrials))
        print("BENCH profiled search reached the full search's best after \(toMatch.map { $0.map(String.init) ?? "never" }.joined(separator: ", ")) of \(Self.trials) trials (per seed)")
        if let fa = fAcc, let pa = pAcc, let fl = fLat, let pl = pLat {
            print(String(format: "BENCH ratios (ours | Zeng et al.): accuracy %+.2f pp | up to +12.7%%; latency %.2f× lower | 2.2×; search time %.2f× less counting only the search, %.2f× counting the whole profiling against one search | 4.35×",
                         (pa - fa) * 100, fl / pl, fSec / pSec, fSec / (pSec + profileSeconds)))
            print(String(format: "RESULT profiling full_acc=%.4f profiled_acc=%.4f full_lat_ms=%.4f profiled_lat_ms=%.4f full_s=%.2f profiled_s=%.2f profile_s=%.2f",
                         fa, pa, fl * 1000, pl * 1000, fSec, pSec, profileSeconds))
        }
    }

    static func text(_ x: Double?, _ digits: Int) -> String { x.map { String(format: "%.\(digits)f", $0) } ?? "—" }

    static func load() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: ",")
    }
}
