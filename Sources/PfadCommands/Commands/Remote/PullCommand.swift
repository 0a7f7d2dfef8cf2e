import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore
import PfadKit
import PfadTransport

/// `pfad pull [--ff-only] [<remote> [<branch>]]`: fetch, then merge the
/// upstream into the current branch (`Documentation/git-pull.txt`).
/// Rebasing is not offered.
struct PullCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull", abstract: "Fetch from and integrate with another repository.",
        usage: "pfad pull [--ff-only] [--no-rebase] [<repository> [<branch>]]")

    @Flag(name: .customLong("ff-only"), help: "Refuse unless the merge is a fast-forward.")
    var fastForwardOnly = false
    @Flag(name: .customLong("no-ff"), help: "Always make a merge commit.")
    var noFastForward = false
    @Flag(name: .customLong("no-rebase"), help: "Merge (the default).")
    var noRebase = false
    @Flag(name: [.customShort("r"), .customLong("rebase")], help: "Not supported.")
    var rebase = false
    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Be quiet.")
    var quiet = false
    @Option(name: .customLong("upload-pack"), help: "Program to run on the remote side.")
    var uploadPack: String?
    @Argument(help: "Remote name or URL.")
    var repositoryName: String?
    @Argument(help: "The branch to merge.")
    var branches: [String] = []

    func run(_ io: CommandIO) throws {
        if rebase { throw FatalError("pfad pull does not rebase; use 'pfad pull --no-rebase' (merge) or fetch and rebase yourself") }
        let repository = try CommandContext.repository(io)
        let head = try HeadInfo.read(repository)
        let target = try RemoteTarget.resolve(repositoryName ?? RemoteTarget.upstreamRemote(repository), settings: repository.settings)
        var options: FetchOperation.Options
        if branches.isEmpty {
            options = FetchOperation.Options(url: target.url, refspecs: target.remote?.fetchRefspecs ?? [])
            options.mergeRefs = FetchCommand.mergeRefs(repository, remote: target.remote?.name)
            if options.mergeRefs.isEmpty {
                throw FatalError("There is no tracking information for the current branch.")
            }
            if target.remote == nil { options.refspecs = options.mergeRefs.map { Refspec(source: $0, destination: nil, force: false) } }
        } else {
            let configured = target.remote?.fetchRefspecs ?? []
            options = FetchOperation.Options(url: target.url, refspecs: try branches.map { text in
                let spec = try Refspec(parsing: text)
                guard spec.destination == nil else { return spec }
                let full = text.hasPrefix("refs/") ? Array(text.utf8) : Array("refs/heads/\(text)".utf8)
                let tracking = configured.lazy.compactMap { $0.mapToDestination(full) }.first
                return Refspec(source: full, destination: tracking, force: configured.first?.force ?? false)
            })
            options.commandLineRefspecs = true
        }
        options.quiet = quiet || !FetchRunner.showsProgress
        options.reflogAction = FetchRunner.reflogAction(command: "pull")
        let result: FetchOperation.Result
        do {
            result = try FetchRunner.run(FetchOperation(repository, options: options), target: target, program: uploadPack, quiet: quiet, io: io)
        } catch {
            throw FetchRunner.fatal(error)
        }
        guard let merge = result.fetchHead.first(where: \.forMerge) else {
            throw FatalError("Couldn't find remote ref \(branches.first ?? "HEAD")")
        }
        let name = RefDisplay.short(merge.remoteName)
        var mergeOptions = MergeOperation.Options(theirs: merge.id, theirsName: name)
        let description = String(decoding: merge.line(url: target.url).split(separator: 0x09).last ?? [], as: UTF8.self)
            .trimmingCharacters(in: .newlines)
        var message = "Merge \(description)"
        if let branch = head.branch, branch != Array("main".utf8), branch != Array("master".utf8) {
            message += " into " + String(decoding: branch, as: UTF8.self)
        }
        mergeOptions.message = message
        mergeOptions.fastForward = fastForwardOnly ? .only : noFastForward ? .never : .allow
        if head.commit == nil {
            // An unborn branch simply takes the fetched commit.
            let committer = try FetchOperation.reflogCommitter(repository)
            _ = try repository.refs.updateFollowingSymrefs(
                Array("HEAD".utf8), to: merge.id, expected: .absent,
                reflog: ReflogEntry(old: repository.algorithm.nullID, new: merge.id, committer: committer, message: Array("initial pull".utf8)))
            _ = try CheckoutOperation(repository).run(from: .tree(nil), to: try repository.readCommit(merge.id).tree)
            return
        }
        try MergeReport.perform(mergeOptions, in: repository, quiet: quiet, io)
    }
}
