import PfadObjects
import PfadKit
import PfadRepository

/// Shared output of the branch commands.
enum BranchOutput {
    /// Prints git's refusal (error lines, TAB-indented paths, hints, `Aborting`)
    /// to standard error and ends with exit code 1.
    static func conflicts(_ conflicts: CheckoutConflicts, repository: Repository, io: CommandIO) -> CommandExit {
        let quote = CommandContext.quotePath(repository)
        for line in conflicts.lines(quote: { String(decoding: PathQuoting.quote($0, quotePath: quote), as: UTF8.self) }) {
            if line.isError { io.error(line.text) } else { io.raw(line.text) }
        }
        return CommandExit(1)
    }

    /// Resolves `spec` to a commit (peeling tags), or nil.
    /// The branch (or detached commit) an argument `-` or `@{-N}` names:
    /// what HEAD was N switches ago, from HEAD's reflog, as in git. nil when
    /// the argument is neither; `.some(nil)` when it is but nothing was
    /// checked out that long ago.
    static func previousCheckout(_ argument: String, in repository: Repository) throws -> String?? {
        var n = 1
        if argument != "-" {
            guard argument.hasPrefix("@{-"), argument.hasSuffix("}"),
                let number = Int(argument.dropFirst(3).dropLast()), number > 0
            else { return nil }
            n = number
        }
        return .some(try ReflogReader.previousBranch(n, repository: repository))
    }

    /// `switch <name>`/`checkout <name>` without a local branch `<name>`:
    /// creates it from the one remote-tracking branch of that name, records
    /// it as upstream and says so as git does. Returns false (changing
    /// nothing) when there is no such unique tracking branch.
    static func switchToGuessedBranch(
        _ name: String, repository: Repository, force: Bool, quiet: Bool, io: CommandIO
    ) throws -> Bool {
        guard let guess = try repository.guessTrackedBranch(name) else { return false }
        let start = String(decoding: guess.trackingRef, as: UTF8.self)
        try SwitchCommand.perform(
            repository, commit: guess.commit, target: .newBranch(name, startName: start), name: name, force: force, io: io)
        var config = repository.config
        try Upstream.record(Upstream(remote: guess.remote, merge: guess.remoteBranch), forBranch: name, in: &config)
        try ConfigFile.save(config, to: repository.gitDirectory + "/config")
        if !quiet {
            io.out.line("branch '\(name)' set up to track '\(guess.remote)/\(name)'.")
            io.raw("Switched to a new branch '\(name)'")
        }
        return true
    }

    static func commit(_ spec: String, in repository: Repository) throws -> ObjectID? {
        guard let id = try? RevisionParser(repository).resolve(spec) else { return nil }
        return try repository.peel(id, to: .commit)
    }

    /// `abbrev subject`, as in "HEAD is now at …".
    static func oneline(_ id: ObjectID, in repository: Repository) throws -> String {
        let commit = try repository.readCommit(id)
        return try repository.abbreviate(id) + " " + String(decoding: commit.summary, as: UTF8.self)
    }

    /// Local changes carried over a switch, as git lists them (`M\tpath`).
    static func printLocalChanges(_ repository: Repository, _ io: CommandIO) throws {
        let report = try StatusOperation(repository).run(includeUntracked: false)
        let quote = CommandContext.quotePath(repository)
        for change in report.changes {
            let letter: UInt8
            if change.workTree == 0x44 || change.index == 0x44 {
                letter = 0x44
            } else if change.index == 0x41 {
                letter = 0x41
            } else {
                letter = 0x4D
            }
            io.out.write([letter, 0x09] + PathQuoting.quote(change.path, quotePath: quote) + [0x0A])
        }
    }
}
