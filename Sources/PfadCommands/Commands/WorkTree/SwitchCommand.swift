import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad switch`: switch to a branch (or create one with -c), keeping local
/// changes that do not collide.
struct SwitchCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "switch",
        abstract: "Switch to a branch; -c NEW creates it, --detach detaches HEAD.")

    @Argument(parsing: .captureForPassthrough, help: "[-c NEW] [--detach] [-f] BRANCH|START")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        let args = try GitArguments(
            arguments,
            flags: ["--detach", "-d", "-f", "--force", "--discard-changes", "-q", "--quiet"],
            valued: ["-c", "--create", "-C", "--force-create"])
        let repository = try CommandContext.repository(io)
        let force = args.has("-f", "--force", "--discard-changes")
        let quiet = args.has("-q", "--quiet")
        let names = args.positionals + (args.afterDashDash ?? [])
        if let newBranch = args.value("-c", "--create", "-C", "--force-create") {
            guard names.count <= 1 else { throw FatalError("only one reference expected") }
            let start = names.first ?? "HEAD"
            if start == "HEAD", try HeadInfo.read(repository).commit == nil {
                do {
                    try SwitchOperation(repository).renameUnborn(to: newBranch)
                } catch let error as RepositoryError {
                    throw FatalError(error.description)
                }
                if !quiet { io.raw("Switched to a new branch '\(newBranch)'") }
                return
            }
            let existed = try repository.refs.resolve(Array("refs/heads/\(newBranch)".utf8)) != nil
            guard let commit = try BranchOutput.commit(start, in: repository) else { throw FatalError("invalid reference: \(start)") }
            try Self.perform(repository, commit: commit, target: .newBranch(newBranch, startName: start, reset: args.values["-C"] != nil || args.values["--force-create"] != nil),
                name: newBranch, force: force, io: io)
            if !quiet { io.raw(existed ? "Switched to and reset branch '\(newBranch)'" : "Switched to a new branch '\(newBranch)'") }
            return
        }
        guard names.count == 1, let name = names.first else { throw FatalError("missing branch or commit argument") }
        if args.has("--detach", "-d") {
            guard let commit = try BranchOutput.commit(name, in: repository) else { throw FatalError("invalid reference: \(name)") }
            try Self.perform(repository, commit: commit, target: .detached, name: name, force: force, io: io)
            if !quiet { io.raw("HEAD is now at \(try BranchOutput.oneline(commit, in: repository))") }
            return
        }
        let ref = Array("refs/heads/\(name)".utf8)
        guard RefName.isValid(ref), let commit = try repository.refs.resolve(ref) else {
            if try BranchOutput.commit(name, in: repository) != nil {
                throw FatalError("a branch is expected, got '\(name)'")
            }
            throw FatalError("invalid reference: \(name)")
        }
        let already = try HeadInfo.read(repository).refName == ref
        try Self.perform(repository, commit: commit, target: .branch(ref), name: name, force: force, io: io)
        if !quiet { io.raw(already ? "Already on '\(name)'" : "Switched to branch '\(name)'") }
    }

    /// Runs the switch, turning a refusal into git's message block and exit 1,
    /// then lists the local changes that were carried over.
    static func perform(_ repository: Repository, commit: ObjectID, target: SwitchOperation.Target, name: String, force: Bool, io: CommandIO) throws {
        do {
            try SwitchOperation(repository).run(to: commit, target: target, name: name, force: force)
        } catch RepositoryError.checkoutConflicts(let conflicts) {
            throw BranchOutput.conflicts(conflicts, repository: repository, io: io)
        } catch let error as RepositoryError {
            throw FatalError(error.description)
        }
        if !force { try BranchOutput.printLocalChanges(repository, io) }
    }
}
