// swift-tools-version: 6.0
import PackageDescription
import Foundation

/// The naslab package: one engine, a small language, a notebook REPL and headless scripts.
///
/// Layers (an arrow never points up): naslab → NASNotebook → NASLanguage → NASEngine →
/// NASHardware → {NASSearch, NASBenchmarks, NASStore, NASExport} → NASTraining → NASSpaces, NASTensor → NASCore.
/// Each target lists exactly the targets it imports (`PackageLayersTests` checks it).
let strictSettings: [SwiftSetting] = []

/// The numeric kernels and the training loop are compiled with optimisation even in debug builds:
/// unoptimised Swift loops make training 20-50× slower, too slow for the golden scripts and samples.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

var targets: [Target] = [
    // System libraries (Debian -dev packages, installed by scripts/setup).
    .systemLibrary(name: "CEditLine", path: "Sources/CEditLine", providers: [.apt(["libedit-dev"])]),
    .systemLibrary(name: "CDNNL", path: "Sources/CDNNL", providers: [.apt(["libdnnl-dev"])]),
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
    // libpq: the PostgreSQL store's client (a system library: no package to build).
    .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

    // Libraries, bottom to top.
    .target(name: "NASCore", dependencies: ["CZlib"]),
    .target(name: "NASTensor", dependencies: ["NASCore", "CDNNL"], swiftSettings: optimizedInDebug),
    .target(name: "NASSpaces", dependencies: ["NASCore"], resources: [.copy("Resources")]),
    .target(name: "NASTraining", dependencies: ["NASCore", "NASTensor", "NASSpaces"], resources: [.copy("Resources")],
            swiftSettings: optimizedInDebug),
    .target(name: "NASBenchmarks", dependencies: ["NASCore", "NASSpaces"], resources: [.copy("Resources")]),
    .target(name: "NASStore", dependencies: ["NASCore", "NASSpaces", "CLibPQ", .product(name: "GRDB", package: "GRDB.swift")]),
    .target(name: "NASSearch", dependencies: ["NASCore", "NASSpaces", "NASTensor", "NASTraining"]),
    // Architecture export (PyTorch module, ONNX model, weight file) and diagrams; NASEngine offers it.
    .target(name: "NASExport", dependencies: ["NASCore", "NASSpaces", "NASTensor", "NASTraining"]),
    // Devices and latency; the onnxruntime device exports networks with NASExport and ships its python helper.
    .target(name: "NASHardware", dependencies: ["NASCore", "NASSpaces", "NASTensor", "NASTraining", "NASBenchmarks", "NASExport"],
            resources: [.copy("Resources")], swiftSettings: optimizedInDebug),
    .target(name: "NASEngine", dependencies: ["NASCore", "NASSpaces", "NASTensor", "NASTraining", "NASBenchmarks", "NASStore", "NASSearch", "NASHardware", "NASExport"]),
    .target(name: "NASLanguage", dependencies: ["NASCore", "NASSpaces", "NASTraining", "NASBenchmarks", "NASSearch", "NASHardware", "NASEngine"],
            resources: [.copy("Resources")]),
    .target(name: "NASNotebook", dependencies: ["NASCore", "NASEngine", "NASLanguage"], resources: [.copy("Resources")]),
    .executableTarget(name: "naslab", dependencies: [
        "NASCore", "NASNotebook", "NASLanguage", "NASEngine", "CEditLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ]),

    // Tests, one target per layer, plus end-to-end tests of the real binary.
    .testTarget(name: "NASCoreTests", dependencies: ["NASCore"]),
    .testTarget(name: "NASTensorTests", dependencies: ["NASCore", "NASTensor"], resources: [.copy("Fixtures")]),
    .testTarget(name: "NASSpacesTests", dependencies: ["NASCore", "NASSpaces"]),
    .testTarget(name: "NASTrainingTests", dependencies: ["NASCore", "NASSpaces", "NASTensor", "NASTraining", "NASHardware"], resources: [.copy("Fixtures")]),
    .testTarget(name: "NASBenchmarksTests", dependencies: ["NASCore", "NASSpaces", "NASBenchmarks"]),
    .testTarget(name: "NASStoreTests", dependencies: ["NASCore", "NASSpaces", "NASStore"]),
    .testTarget(name: "NASSearchTests", dependencies: ["NASCore", "NASSpaces", "NASTensor", "NASTraining", "NASSearch", "NASBenchmarks"]),
    .testTarget(name: "NASHardwareTests", dependencies: ["NASCore", "NASSpaces", "NASTraining", "NASBenchmarks", "NASSearch", "NASHardware", "NASExport"]),
    .testTarget(name: "NASExportTests", dependencies: ["NASCore", "NASSpaces", "NASTensor", "NASTraining", "NASExport"]),
    .testTarget(name: "NASEngineTests", dependencies: ["NASCore", "NASSpaces", "NASTensor", "NASTraining", "NASBenchmarks", "NASStore", "NASSearch", "NASHardware", "NASEngine"]),
    .testTarget(name: "NASLanguageTests", dependencies: ["NASCore", "NASSpaces", "NASSearch", "NASHardware", "NASEngine", "NASLanguage"], exclude: ["Snapshots"], resources: [.copy("Scripts")]),
    .testTarget(name: "NASNotebookTests", dependencies: ["NASCore", "NASEngine", "NASLanguage", "NASNotebook"]),
    .testTarget(name: "EndToEndTests", dependencies: []),

    // The fuzz harness (sandboxed registry, watchdog, dictionary and seed generator), built and
    // tested in every build so that it cannot rot; only its libFuzzer entry point needs NASLAB_FUZZ.
    .target(name: "NASFuzzSupport", dependencies: ["NASLanguage", "NASEngine", "NASCore"], path: "Fuzz/NASFuzzSupport"),
    .testTarget(name: "NASFuzzSupportTests", dependencies: ["NASFuzzSupport", "NASLanguage"]),
]

// The libFuzzer entry point is built only on request (scripts/fuzz sets NASLAB_FUZZ=1),
// because it needs `-sanitize=fuzzer` and has no `main`.
if ProcessInfo.processInfo.environment["NASLAB_FUZZ"] == "1" {
    targets.append(.executableTarget(name: "naslab-fuzz", dependencies: ["NASFuzzSupport"], path: "Fuzz/naslab-fuzz"))
}

let package = Package(
    name: "naslab",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "naslab", targets: ["naslab"]),
        .library(name: "NASLanguage", targets: ["NASLanguage"]),
        .library(name: "NASEngine", targets: ["NASEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
