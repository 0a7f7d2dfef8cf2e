import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import PfadTransport

/// `pfad receive-pack`: the server side of `git push` over a pipe (what
/// `git push --receive-pack=…` and `ssh` run) or, with `--stateless-rpc`
/// / `--advertise-refs`, one half of a smart-HTTP round.
struct ReceivePackCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive-pack",
        abstract: "Receive what is pushed into the repository.",
        usage: "pfad receive-pack [--stateless-rpc] [--advertise-refs] <git-dir>")

    @Flag(name: .customLong("stateless-rpc"), help: "Answer one request without an advertisement (HTTP).")
    var statelessRPC = false

    @Flag(name: .customLong("advertise-refs"), help: "Only print the ref advertisement.")
    var advertiseRefs = false

    @Argument(help: "The repository.")
    var directory: String

    func run(_ io: CommandIO) throws {
        let repository = try ServiceRunner.openRepository(directory)
        let version = ProtocolVersion(gitProtocol: ProcessInfo.processInfo.environment["GIT_PROTOCOL"])
        let handler = ReceivePack(
            repository: repository, version: version == .v2 ? .v0 : version, stateless: statelessRPC,
            policy: try ReceivePolicy(settings: repository.settings),
            diagnostics: { io.raw($0) })
        try ServiceRunner.run(handler, advertiseRefs: advertiseRefs, stateless: statelessRPC, input: FileDescriptorSource(fd: 0))
    }
}
