import ArgumentParser
import Foundation
import PfadRepository
import PfadTransport

/// `pfad upload-pack [--stateless-rpc] [--advertise-refs] [--strict]
/// [--timeout=N] DIR`: the server side of fetch and clone over a pipe, as
/// `git upload-pack` (run by `git clone --upload-pack=…`, over ssh, or by an
/// HTTP server for each request). The protocol version comes from
/// `GIT_PROTOCOL` (`version=2`).
struct UploadPackCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload-pack",
        abstract: "Send objects packed back to git-fetch-pack.",
        usage: "pfad upload-pack [--[no-]strict] [--timeout=<n>] [--stateless-rpc] [--advertise-refs] <directory>")

    @Flag(name: .customLong("stateless-rpc"), help: "Answer one request from standard input (HTTP).")
    var statelessRPC = false

    @Flag(name: [.customLong("advertise-refs"), .customLong("http-backend-info-refs")], help: "Only print the advertisement.")
    var advertiseRefs = false

    @Flag(inversion: .prefixedNo, help: "Use DIR only if it is a git directory itself (no DIR/.git).")
    var strict = false

    @Option(name: .customLong("timeout"), help: "Give up after this many seconds without input.")
    var timeout: UInt32?

    @Argument(help: "The repository.")
    var directory: String

    func run(_ io: CommandIO) throws {
        let repository = try ServiceRunner.openRepository(directory, strict: strict)
        let version = ProtocolVersion(gitProtocol: ProcessInfo.processInfo.environment["GIT_PROTOCOL"])
        let handler = UploadPack(repository: repository, version: version, stateless: statelessRPC)
        var input: ByteSource = FileDescriptorSource(fd: 0)
        if let timeout, timeout > 0 { input = InactivityTimeoutSource(input, seconds: timeout) }
        try ServiceRunner.run(handler, advertiseRefs: advertiseRefs, stateless: statelessRPC, input: input)
    }
}

/// A source that ends the process (SIGALRM) when no byte arrives for
/// `seconds`: git's `--timeout` for a peer that went silent.
final class InactivityTimeoutSource: ByteSource {
    private let source: ByteSource
    private let seconds: UInt32

    /// Wraps `source`.
    init(_ source: ByteSource, seconds: UInt32) {
        self.source = source
        self.seconds = seconds
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        alarm(seconds)
        defer { alarm(0) }
        return try source.read(into: buffer)
    }
}
