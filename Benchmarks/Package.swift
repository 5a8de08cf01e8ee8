// swift-tools-version: 6.1
import PackageDescription

// Micro-benchmarks with allocation counts (ordo-one/benchmark), apart from the main package so
// that its `swift test` never builds them. Run from this directory:
//   swift package --scratch-path ../.build-bench benchmark
let package = Package(
    name: "ProxyLiteBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "proxylite-top", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ListBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ProxyLiteTopKit", package: "proxylite-top"),
            ],
            path: "Benchmarks/ListBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
