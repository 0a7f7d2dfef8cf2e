import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad cherry-pick`: apply the change of an existing commit on top of HEAD.
struct CherryPickCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "cherry-pick",
        abstract: "Apply the change an existing commit introduces as a new commit.")

    @Flag(name: .customLong("abort"), help: "Give up the cherry-pick in progress.")
    var abort = false

    @Flag(name: .customLong("continue"), help: "Commit the resolved cherry-pick in progress.")
    var continuePick = false

    @Argument(help: "The commit to apply.")
    var revision: String?

    func run(_ io: CommandIO) throws {
        try PickCommandRunner(kind: .cherryPick, abort: abort, continuing: continuePick, revision: revision).run(io)
    }
}

/// The shared body of `cherry-pick` and `revert`.
struct PickCommandRunner {
    var kind: PickOperation.Kind
    var abort: Bool
    var continuing: Bool
    var revision: String?

    var name: String { kind == .cherryPick ? "cherry-pick" : "revert" }
    var headFile: MergeState.File { kind == .cherryPick ? .cherryPickHead : .revertHead }

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        if abort {
            guard MergeState(repository).read(headFile) != nil else {
                throw FatalError("no \(name) in progress")
            }
            try MergeOperation(repository).abort(requiring: headFile)
            return
        }
        if continuing {
            guard MergeState(repository).read(headFile) != nil else {
                throw FatalError("no \(name) in progress")
            }
            // git opens the editor here, whose text is cleaned with "strip"
            // (the "# Conflicts" lines go); pfad takes the message unedited.
            var options = CommitOperation.Options(messages: [])
            options.cleanup = .strip
            let result = try CommitOperation(repository).run(options)
            printSummary(repository, branch: result.branch, id: result.id, commit: result.commit, io)
            return
        }
        guard let revision else { throw UsageError("\(name) needs a commit") }
        let id = try CommandContext.object(revision, in: repository)
        guard let commit = try repository.peel(id, to: .commit) else {
            throw FatalError("\(revision): can't cherry-pick a \(try repository.objectType(id).rawValue)")
        }
        let outcome: PickOperation.Outcome
        do {
            outcome = try PickOperation(repository).run(kind, commit)
        } catch let refusal as MergeWorkTree.Refusal {
            throw MergeReport.refuse(refusal, operation: name, io: io)
        } catch let empty as PickOperation.EmptyResult {
            io.raw(empty.description)
            throw CommandExit(1)
        }
        switch outcome {
        case .committed(let newID, let newCommit, _, let result):
            for message in result.messages { io.out.line(message) }
            let head = try HeadInfo.read(repository)
            printSummary(repository, branch: head.branch, id: newID, commit: newCommit, io)
            // As git's sequencer: the author when not the committer, always the author date.
            let out = io.out
            let author = newCommit.author, committer = newCommit.committer
            if author.name != committer.name || author.email != committer.email {
                out.write(Array(" Author: ".utf8) + author.name + Array(" <".utf8) + author.email + Array(">\n".utf8))
            }
            out.line(" Date: " + (try DateStyle.default.format(time: author.time, offset: author.offset)))
            out.write(try CommitCommand.changeSummary(of: newID, in: repository))
        case .conflicted(let result, let label):
            for message in result.messages { io.out.line(message) }
            io.error("could not \(kind == .cherryPick ? "apply" : "revert") \(label)")
            io.raw("hint: After resolving the conflicts, mark them with")
            io.raw("hint: \"git add/rm <pathspec>\", then run")
            io.raw("hint: \"git \(name) --continue\".")
            throw CommandExit(1)
        }
    }

    func printSummary(_ repository: Repository, branch: [UInt8]?, id: ObjectID, commit: Commit, _ io: CommandIO) {
        let branchName = branch.map { String(decoding: $0, as: UTF8.self) } ?? "detached HEAD"
        let short = (try? repository.abbreviate(id)) ?? id.hex
        io.out.write("[\(branchName) \(short)] ")
        io.out.write(commit.summary + [0x0A])
    }
}
