import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad checkout`: switch branches (`checkout BRANCH`, `-b NEW`, a commit
/// detaches HEAD) or restore files (`checkout [REV] -- PATHS`).
struct CheckoutCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout",
        abstract: "Switch branches or restore work-tree files.")

    @Argument(parsing: .captureForPassthrough, help: "BRANCH | REV | -b NEW [START] | [REV] -- PATHS")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        let args = try GitArguments(
            arguments, flags: ["-f", "--force", "-q", "--quiet", "--detach"], valued: ["-b", "-B"])
        let repository = try CommandContext.repository(io)
        let force = args.has("-f", "--force")
        let quiet = args.has("-q", "--quiet")
        if let newBranch = args.value("-b", "-B") {
            let start = args.positionals.first ?? "HEAD"
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
            guard let commit = try BranchOutput.commit(start, in: repository) else {
                throw FatalError("'\(start)' is not a commit and a branch '\(newBranch)' cannot be created from it")
            }
            try SwitchCommand.perform(repository, commit: commit, target: .newBranch(newBranch, startName: start, reset: args.values["-B"] != nil), name: newBranch, force: force, io: io)
            if !quiet { io.raw(existed ? "Switched to and reset branch '\(newBranch)'" : "Switched to a new branch '\(newBranch)'") }
            return
        }
        var revision: String?
        var paths: [String] = []
        if let after = args.afterDashDash {
            guard args.positionals.count <= 1 else { throw FatalError("only one reference expected") }
            revision = args.positionals.first
            paths = after
        } else if let first = args.positionals.first, try BranchOutput.commit(first, in: repository) != nil {
            revision = first
            paths = Array(args.positionals.dropFirst())
        } else {
            paths = args.positionals
        }
        if paths.isEmpty {
            guard let name = revision else { return }
            try switchTo(name, repository: repository, force: force, detach: args.has("--detach"), quiet: quiet, io: io)
            return
        }
        let workTree = try repository.requireWorkTree("checkout")
        let pathspec = try Pathspec(arguments: paths, prefix: repository.prefix, workTree: workTree)
        var options = CheckoutOperation.PathOptions()
        options.removeMissing = false
        if let revision {
            guard let commit = try BranchOutput.commit(revision, in: repository) else { throw FatalError("invalid reference: \(revision)") }
            options.source = try repository.readCommit(commit).tree
            options.staged = true
        }
        do {
            let count = try CheckoutOperation(repository).restore(pathspec, options: options)
            if !quiet { io.raw("Updated \(count) path\(count == 1 ? "" : "s") from \(revision == nil ? "the index" : "\(try repository.abbreviate(options.source ?? repository.algorithm.nullID))")") }
        } catch RepositoryError.other(let message) where message.hasPrefix("pathspec") {
            io.error(message)
            throw CommandExit(1)
        } catch let error as RepositoryError {
            throw FatalError(error.description)
        }
    }

    private func switchTo(_ name: String, repository: Repository, force: Bool, detach: Bool, quiet: Bool, io: CommandIO) throws {
        let ref = Array("refs/heads/\(name)".utf8)
        if !detach, RefName.isValid(ref), let commit = try repository.refs.resolve(ref) {
            let already = try HeadInfo.read(repository).refName == ref
            try SwitchCommand.perform(repository, commit: commit, target: .branch(ref), name: name, force: force, io: io)
            if !quiet { io.raw(already ? "Already on '\(name)'" : "Switched to branch '\(name)'") }
            return
        }
        guard let commit = try BranchOutput.commit(name, in: repository) else {
            throw FatalError("invalid reference: \(name)")
        }
        let wasDetached = try HeadInfo.read(repository).refName == nil
        try SwitchCommand.perform(repository, commit: commit, target: .detached, name: name, force: force, io: io)
        if quiet { return }
        if !wasDetached {
            io.raw("Note: switching to '\(name)'.\n")
            io.raw("You are in 'detached HEAD' state. Commits made here belong to no branch;")
            io.raw("create one to keep them with:\n\n  pfad switch -c <new-branch-name>\n")
        }
        io.raw("HEAD is now at \(try BranchOutput.oneline(commit, in: repository))")
    }
}
