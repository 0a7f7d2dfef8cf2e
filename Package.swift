// swift-tools-version:6.0
import PackageDescription

// Layers (imports point down only):
//   PfadObjects  (ids, hashing, object values)        <- swift-crypto
//   PfadStore    (zlib, loose objects, refs, config)   <- PfadObjects, CZlib
//   PfadDiff     (pure line/word diff and merge)       <- nothing
//   PfadGuides   (guide model: Markdown blocks, front matter, sentences)
//                                                     <- PfadDiff, CCmarkGFM, Yams
//   PfadRepository (index, work tree, revisions, porcelain) <- PfadStore, PfadDiff
//   PfadTransport (pkt-line, wire protocols, fetch/push) <- PfadRepository
//   PfadFuzzing  (one fuzz target per parser)          <- PfadTransport, PfadGuides
//   PfadServer / PfadHTTPClient (smart HTTP server and client) <- PfadTransport
//   PfadKit      (the library API: every operation in-process, typed
//                 results, remotes connected without printing)
//                                                     <- PfadTransport, PfadHTTPClient, PfadRepository, PfadGuides
//   PfadCommands (argument parsing and printing)       <- PfadKit, PfadServer, ArgumentParser
//                (the guide, review and web commands will import PfadGuides)
//   pfad         (the executable: a few lines)         <- PfadCommands
let package = Package(
    name: "pfad",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pfad", targets: ["pfad"]),
        .library(name: "PfadKit", targets: ["PfadKit"]),
        .library(name: "PfadRepository", targets: ["PfadRepository"]),
        .library(name: "PfadDiff", targets: ["PfadDiff"]),
        .library(name: "PfadGuides", targets: ["PfadGuides"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // Already in the graph through the three above; named so that the
        // modules PfadServer and PfadHTTPClient import are declared.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        // YAML front matter of guides; fenced in PfadGuides.
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // cmark-gfm (CommonMark + GFM tables) for guides: Debian's
        // libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "PfadObjects",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "PfadStore", dependencies: ["PfadObjects", "CZlib"]),
        .target(name: "PfadDiff"),
        // The guide model: cmark-gfm and Yams stay fenced in here.
        .target(
            name: "PfadGuides",
            dependencies: ["PfadDiff", "CCmarkGFM", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "PfadRepository", dependencies: ["PfadStore", "PfadObjects", "PfadDiff"]),
        .target(name: "PfadTransport", dependencies: ["PfadRepository", "PfadStore", "PfadObjects"]),
        // Smart-HTTP server (pfad serve): Hummingbird and bcrypt stay fenced in here.
        .target(
            name: "PfadServer",
            dependencies: [
                "PfadTransport", "PfadRepository", "PfadStore", "PfadObjects",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // Smart-HTTP client connection: AsyncHTTPClient stays fenced in here.
        .target(
            name: "PfadHTTPClient",
            dependencies: [
                "PfadTransport", "PfadStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The library API that programs, `pfad serve`, review and the web
        // interface call in-process.
        .target(
            name: "PfadKit",
            dependencies: ["PfadHTTPClient", "PfadTransport", "PfadRepository", "PfadStore", "PfadObjects", "PfadDiff", "PfadGuides"]
        ),
        .target(
            name: "PfadCommands",
            dependencies: [
                "PfadKit", "PfadRepository", "PfadTransport", "PfadStore", "PfadObjects", "PfadDiff", "PfadGuides",
                "PfadServer", "PfadHTTPClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release builds (made with --static-swift-stdlib, as every benchmark
        // and deployment here) link pfad as a position-dependent executable on
        // Linux: the loader then applies no relative relocations at start
        // (~87,000 for pfad with the static Swift runtime and Foundation, ~118,000 with
        // the NIO/Hummingbird stack), 0.5-1.5 ms of every command; see
        // Benchmarks/README.md. Not for debug builds: against the shared Swift
        // runtime the loader warns about protected symbols on stderr.
        .executableTarget(
            name: "pfad", dependencies: ["PfadCommands"],
            linkerSettings: [
                .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))
            ]
        ),
        // Fuzz targets: one function per parser of untrusted bytes (issue 18).
        // Deliberately below the HTTP stack, so the fuzz build stays small.
        .target(
            name: "PfadFuzzing",
            dependencies: ["PfadObjects", "PfadStore", "PfadDiff", "PfadGuides", "PfadRepository", "PfadTransport"]
        ),
        // libFuzzer driver (built by Benchmarks/fuzz/run.sh with
        // --sanitize=fuzzer -DPFAD_FUZZ); plainly built it replays files.
        .executableTarget(name: "pfad-fuzz", dependencies: ["PfadFuzzing"]),
        // Helpers shared by the test targets (seeded random data).
        .target(name: "PfadTestSupport", path: "Tests/PfadTestSupport"),
        .testTarget(name: "PfadObjectsTests", dependencies: ["PfadObjects", "PfadTestSupport"]),
        .testTarget(name: "PfadStoreTests", dependencies: ["PfadStore", "PfadTestSupport"]),
        .testTarget(name: "PfadDiffTests", dependencies: ["PfadDiff", "PfadTestSupport"]),
        .testTarget(name: "PfadGuidesTests", dependencies: ["PfadGuides", "PfadTestSupport"]),
        .testTarget(name: "PfadRepositoryTests", dependencies: ["PfadRepository", "PfadTestSupport"]),
        .testTarget(name: "PfadTransportTests", dependencies: ["PfadTransport", "PfadTestSupport"]),
        .testTarget(name: "PfadKitTests", dependencies: ["PfadKit", "PfadTestSupport"]),
        .testTarget(name: "PfadCommandsTests", dependencies: ["PfadCommands"]),
        .testTarget(name: "PfadFuzzingTests", dependencies: ["PfadFuzzing"]),
        .testTarget(
            name: "PfadServerTests",
            dependencies: ["PfadServer", "PfadHTTPClient", "PfadTransport", "PfadRepository", "PfadStore", "PfadTestSupport"]
        ),
        .testTarget(name: "PfadCLITests", dependencies: ["pfad", "PfadDiff", "PfadGuides", "PfadTestSupport"]),
    ]
)
