// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "clinic-plan",
    products: [
        .executable(name: "clinic-plan", targets: ["clinic-plan"]),
        .library(name: "SlotSolver", targets: ["SlotSolver"]),
        .library(name: "ClinicData", targets: ["ClinicData"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `clinic-plan serve`'s HTTP server. No traits: swift-configuration is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    ],
    targets: [
        // GNU GLPK, from Debian's libglpk-dev (no pkg-config file ships, so the module map links it).
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // libxcrypt, for verifying and making password hashes (Debian: libcrypt-dev).
        .systemLibrary(name: "CCrypt", providers: [.apt(["libcrypt-dev"])]),
        // simdjson, from Debian's libsimdjson-dev, behind a small C interface (a C++ target that
        // Swift calls as plain C): the JSON validator and parser under ClinicData's loader.
        .target(name: "CSimdjson", linkerSettings: [.linkedLibrary("simdjson")]),
        .target(name: "SlotSolver", dependencies: ["CGLPK"]),
        .target(name: "ClinicData", dependencies: ["SlotSolver", "CCrypt", "CSimdjson"]),
        .executableTarget(
            name: "clinic-plan",
            dependencies: [
                "ClinicData", "SlotSolver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),
        // Engine benchmarks (run by benchmarks/run, never by the tests).
        .executableTarget(
            name: "SolverBenchmarks",
            dependencies: ["SlotSolver", "ClinicData"],
            path: "benchmarks/Sources/SolverBenchmarks"),
        // Builders of small hand-made engine models, shared by the engine test targets.
        .target(name: "EngineTestSupport", dependencies: ["SlotSolver"], path: "Tests/EngineTestSupport"),
        // Property checks drawn from a fixed seed, so that every run checks the same cases.
        .target(name: "PropertyTestSupport", dependencies: [.product(name: "PropertyBased", package: "swift-property-based")],
                path: "Tests/PropertyTestSupport"),
        .testTarget(
            name: "SlotSolverTests",
            dependencies: ["SlotSolver", "EngineTestSupport", "PropertyTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "RebookingTests",
            dependencies: ["SlotSolver", "PropertyTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "ClinicDataTests",
            dependencies: ["ClinicData", "SlotSolver"]),
        .testTarget(
            name: "ReportTests",
            dependencies: ["clinic-plan", "ClinicData", "SlotSolver"]),
        .testTarget(
            name: "BookingTests",
            dependencies: ["clinic-plan", "ClinicData", "SlotSolver", "EngineTestSupport", "PropertyTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "ClinicPlanTests",
            // Depends on the tool so that `swift test` builds the binary its end-to-end tests run.
            dependencies: ["clinic-plan", "ClinicData", "SlotSolver", "EngineTestSupport"]),
        .testTarget(
            // Starts `clinic-plan serve` on a free loopback port and talks HTTP to it.
            name: "ServeTests",
            dependencies: ["clinic-plan"]),
    ],
    cxxLanguageStandard: .cxx17
)
