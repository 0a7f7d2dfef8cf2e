import ArgumentParser
import PfadDiff
import PfadObjects
import PfadRepository

/// `pfad merge`: join another line of history into the current branch.
struct MergeCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join another line of history into the current branch (fast-forward or three-way merge).")

    @Flag(name: .customLong("no-ff"), help: "Always make a merge commit.")
    var noFastForward = false

    @Flag(name: .customLong("ff-only"), help: "Refuse unless the merge is a fast-forward.")
    var fastForwardOnly = false

    @Flag(name: .customLong("ff"), help: "Fast-forward when possible (the default).")
    var fastForward = false

    @Option(name: [.customShort("m"), .customLong("message")], help: "The merge commit's message.")
    var messages: [String] = []

    @Flag(name: .customLong("no-edit"), help: "Accept the default message (pfad never starts an editor).")
    var noEdit = false

    @Flag(name: .shortAndLong, help: "Print only the merge's messages and errors, as git -q.")
    var quiet = false

    @Flag(name: .customLong("abort"), help: "Give up the merge in progress and restore the state before it.")
    var abort = false

    @Flag(name: .customLong("continue"), help: "Commit the resolved merge in progress.")
    var continueMerge = false

    @Argument(help: "The commit to merge.")
    var revision: String?

    func validate() throws {
        if noFastForward && fastForwardOnly { throw UsageError("options '--no-ff' and '--ff-only' cannot be used together") }
        if (abort || continueMerge) && revision != nil {
            throw UsageError("--\(abort ? "abort" : "continue") expects no arguments")
        }
    }

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        if abort {
            do {
                try MergeOperation(repository).abort()
            } catch RepositoryError.other(let message) where message.hasPrefix("There is no merge") {
                throw FatalError(message)
            }
            return
        }
        if continueMerge {
            guard try !MergeState(repository).mergeHeads().isEmpty else {
                throw FatalError("There is no merge in progress (MERGE_HEAD missing).")
            }
            // git opens the editor here, whose text is cleaned with "strip"
            // (the "# Conflicts" lines go); pfad takes the message unedited.
            var options = CommitOperation.Options(messages: [])
            options.cleanup = .strip
            let result = try CommitOperation(repository).run(options)
            let branch = result.branch.map { String(decoding: $0, as: UTF8.self) } ?? "detached HEAD"
            io.out.write("[\(branch) \(try repository.abbreviate(result.id))] ")
            io.out.write(result.commit.summary + [0x0A])
            return
        }
        guard let revision else { throw FatalError("No remote for the current branch.") }
        let id = try CommandContext.object(revision, in: repository)
        guard let commit = try repository.peel(id, to: .commit) else {
            throw FatalError("\(revision) - not something we can merge")
        }
        var options = MergeOperation.Options(theirs: commit, theirsName: revision)
        options.fastForward = noFastForward ? .never : fastForwardOnly ? .only : .allow
        if !messages.isEmpty { options.message = messages.joined(separator: "\n\n") }
        try MergeReport.perform(options, in: repository, quiet: quiet, io)
    }
}
