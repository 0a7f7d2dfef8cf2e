import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import PfadKit
import PfadTransport

/// `pfad fetch [<remote>] [<refspec>...]`: downloads objects and refs from
/// another repository (`Documentation/git-fetch.txt`).
struct FetchCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch", abstract: "Download objects and refs from another repository.",
        usage: "pfad fetch [<options>] [<repository> [<refspec>...]]")

    @Flag(name: [.customShort("f"), .customLong("force")], help: "Allow non-fast-forward updates.")
    var force = false
    @Flag(name: [.customShort("p"), .customLong("prune")], help: "Remove tracking refs that no longer exist on the remote.")
    var prune = false
    @Flag(name: [.customShort("t"), .customLong("tags")], help: "Fetch all tags.")
    var tags = false
    @Flag(name: [.customShort("n"), .customLong("no-tags")], help: "Do not follow tags.")
    var noTags = false
    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Be quiet.")
    var quiet = false
    @Flag(name: [.customShort("v"), .customLong("verbose")], help: "Be verbose.")
    var verbose = false
    @Flag(name: .customLong("progress"), help: "Show progress even when standard error is not a terminal.")
    var progress = false
    @Flag(name: [.customShort("u"), .customLong("update-head-ok")], help: "Allow updating the checked-out branch.")
    var updateHeadOK = false
    @Flag(name: .customLong("atomic"), help: "Update all local refs in one transaction (all or nothing).")
    var atomic = false
    @Option(name: .customLong("upload-pack"), help: "Program to run on the remote side.")
    var uploadPack: String?
    @Argument(help: "Remote name or URL.")
    var repositoryName: String?
    @Argument(help: "Refspecs.")
    var refspecs: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let target = try RemoteTarget.resolve(repositoryName ?? RemoteTarget.upstreamRemote(repository), settings: repository.settings)
        var specs: [Refspec]
        do {
            specs = try refspecs.map { try Refspec(parsing: $0) }
        } catch let error as TransportError {
            throw FatalError(error.description)
        }
        let commandLine = !specs.isEmpty
        if specs.isEmpty { specs = target.remote?.fetchRefspecs ?? [Refspec(source: Array("HEAD".utf8), destination: nil, force: false)] }
        var options = FetchOperation.Options(url: target.url, refspecs: specs)
        options.commandLineRefspecs = commandLine || target.remote == nil
        options.mergeRefs = Self.mergeRefs(repository, remote: target.remote?.name)
        options.force = force
        options.prune = prune || ((try? repository.settings.getBool("fetch.prune")) ?? nil) == true
        options.tags = noTags ? .none : (tags ? .all : .follow)
        options.quiet = quiet || !(progress || FetchRunner.showsProgress)
        if commandLine { options.trackingRefspecs = target.remote?.fetchRefspecs ?? [] }
        options.updateHeadOK = updateHeadOK
        options.atomic = atomic
        options.reflogAction = FetchRunner.reflogAction(command: "fetch")
        let result: FetchOperation.Result
        do {
            result = try FetchRunner.run(FetchOperation(repository, options: options), target: target, program: uploadPack,
                                         quiet: quiet, verbose: verbose, forceProgress: progress, io: io)
        } catch {
            throw FetchRunner.fatal(error)
        }
        if result.hasRejections { throw CommandExit(1) }
    }

    /// `branch.<current>.merge` values when the current branch's remote is `remote`.
    static func mergeRefs(_ repository: Repository, remote: String?) -> [[UInt8]] {
        guard let remote, let branch = try? HeadInfo.read(repository).branch else { return [] }
        let short = RefDisplay.short(branch)
        return Upstream.mergeRefs(ofBranch: short, remote: remote, in: repository.settings)
    }
}
