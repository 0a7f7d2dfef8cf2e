import PfadObjects
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
