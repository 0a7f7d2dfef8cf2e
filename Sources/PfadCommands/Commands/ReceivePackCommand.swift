import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import PfadTransport

/// `pfad receive-pack`: the server side of `git push` over a pipe (what
/// `git push --receive-pack=…` and `ssh` run) or, with `--stateless-rpc`
/// / `--advertise-refs`, one half of a smart-HTTP round.
struct ReceivePackCommand: ParsableCommand {
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

    func run() throws {
        let repository = try Self.open(directory)
        let version = ProtocolVersion(gitProtocol: ProcessInfo.processInfo.environment["GIT_PROTOCOL"])
        let handler = ReceivePack(
            repository: repository, version: version == .v2 ? .v0 : version, stateless: statelessRPC,
            policy: try Self.policy(repository),
            diagnostics: { Diagnostics.raw($0) })
        let output = FileDescriptorSink(fd: 1)
        let input = FileDescriptorSource(fd: 0)
        do {
            if advertiseRefs {
                try handler.advertise(to: output)
            } else if statelessRPC {
                try handler.respond(to: input, into: output)
            } else {
                try handler.serve(input: input, output: output)
            }
            try output.flush()
        } catch let error as TransportError {
            try? output.flush()
            throw FatalError(error.description)
        }
    }

    /// The policy `git receive-pack` takes from the repository's config:
    /// `receive.denyNonFastForwards`, `receive.denyDeletes`,
    /// `receive.fsckObjects` (falling back to `transfer.fsckObjects`; pfad
    /// checks by default), `receive.maxInputSize`.
    static func policy(_ repository: Repository) throws -> ReceivePolicy {
        let settings = repository.settings
        var policy = ReceivePolicy()
        policy.allowNonFastForward = !(try settings.getBool("receive.denynonfastforwards") ?? false)
        policy.allowDeletes = !(try settings.getBool("receive.denydeletes") ?? false)
        policy.checkObjects = try settings.getBool("receive.fsckobjects") ?? settings.getBool("transfer.fsckobjects") ?? true
        if let limit = try settings.getInt("receive.maxinputsize"), limit > 0 { policy.maximumPackBytes = limit }
        return policy
    }

    /// Opens `path` as git's receive-pack does: the directory itself when it
    /// is a git directory (bare), `path.git`, or the repository whose work
    /// tree it is.
    static func open(_ path: String) throws -> Repository {
        let manager = FileManager.default
        let absolute = path.hasPrefix("/") ? path : manager.currentDirectoryPath + "/" + path
        for candidate in [absolute, absolute + ".git"] {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            if manager.fileExists(atPath: candidate + "/.git") { return try Repository.discover(from: candidate) }
            if manager.fileExists(atPath: candidate + "/HEAD"), manager.fileExists(atPath: candidate + "/objects") {
                return try Repository(gitDirectory: candidate, workTree: nil)
            }
        }
        throw FatalError("'\(path)' does not appear to be a git repository")
    }
}
