// swift-tools-version:6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "proxylite-top",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "proxylite-top", targets: ["proxylite-top"]),
        // For the micro-benchmarks in Benchmarks/ (a package of its own, so that `swift test`
        // here does not build them): the model, the views and the simulator they run on.
        .library(name: "ProxyLiteTopKit", targets: ["ProxyLiteAPI", "Monitor", "TerminalUI", "ProxyLiteSimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // Wide-character curses. Only TerminalUI's Curses/ folder imports it.
        .systemLibrary(name: "CNCursesw", path: "Sources/CNCursesw"),
        // glibc wcwidth, which Swift cannot see through Glibc; every column computation uses it,
        // so that our layout agrees with what ncurses draws.
        .target(name: "CTextWidth", path: "Sources/CTextWidth"),
        // glibc calls Swift cannot see: forkpty (for the benchmark's pseudo-terminal) and mallopt.
        .target(name: "CPlatform", path: "Sources/CPlatform"),
        .target(
            name: "ProxyLiteAPI",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ProxyLiteSimulator",
            dependencies: [
                "ProxyLiteAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Monitor",
            dependencies: ["ProxyLiteAPI", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        // The local history (SQLite through GRDB): samples, buckets, retention, the writer lock,
        // and what the screen and the alerts read back from it.
        .target(
            name: "History",
            dependencies: [
                "Monitor", "ProxyLiteAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The TOML subset of the config and theme files, with the line of every value. No dependencies.
        .target(name: "TOMLReading", swiftSettings: strict),
        .target(
            name: "TerminalUI",
            dependencies: ["Monitor", "TOMLReading", "CNCursesw", "CTextWidth"],
            swiftSettings: strict
        ),
        // The Prometheus exporter: the newest snapshot of every profile as metrics, served on /metrics.
        .target(
            name: "Exporter",
            dependencies: [
                "Monitor", "ProxyLiteAPI",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "proxylite-top",
            dependencies: [
                "ProxyLiteAPI", "ProxyLiteSimulator", "Monitor", "History", "TerminalUI", "TOMLReading", "CPlatform", "Exporter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "ProxyLiteAPI", "ProxyLiteSimulator", .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "ProxyLiteAPITests",
            dependencies: ["ProxyLiteAPI", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ProxyLiteSimulatorTests",
            dependencies: ["ProxyLiteSimulator", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI", "Monitor", "TOMLReading", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MonitorTests",
            dependencies: ["Monitor", "ProxyLiteSimulator", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HistoryTests",
            dependencies: ["History", "Monitor", "ProxyLiteAPI", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ExporterTests",
            dependencies: [
                "Exporter", "Monitor", "ProxyLiteAPI", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["proxylite-top", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ProxyLiteTopTests",
            dependencies: ["proxylite-top", "History", "TestSupport"],
            swiftSettings: strict
        ),
    ]
)
