import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad reset`: move the current branch (`--soft`, `--mixed`, `--hard`)
/// or unstage paths (`reset [REV] -- PATHS`).
struct ResetCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Move HEAD (--soft/--mixed/--hard) or reset index entries of paths.")

    @Argument(parsing: .captureForPassthrough, help: "[--soft|--mixed|--hard] [REV] | [REV] -- PATHS")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        let args = try GitArguments(
            arguments, flags: ["--soft", "--mixed", "--hard", "-q", "--quiet"], valued: [])
        let repository = try CommandContext.repository(io)
        let quiet = args.has("-q", "--quiet")
        var revision = "HEAD"
        var paths: [String] = []
        if let after = args.afterDashDash {
            guard args.positionals.count <= 1 else { throw FatalError("only one revision expected before '--'") }
            revision = args.positionals.first ?? "HEAD"
            paths = after
        } else if let first = args.positionals.first {
            if try BranchOutput.commit(first, in: repository) != nil {
                revision = first
                paths = Array(args.positionals.dropFirst())
            } else {
                // Without `--`, paths must exist in the work tree (git's
                // revision-or-path rule); otherwise nothing would happen.
                if let missing = args.positionals.first(where: { !repository.isWorkTreePath($0) }) {
                    throw Repository.neitherRevisionNorPath(missing)
                }
                paths = args.positionals
            }
        }
        let head = try HeadInfo.read(repository)
        let target: ObjectID?
        if revision == "HEAD" && head.commit == nil {
            target = nil
        } else {
            guard let commit = try BranchOutput.commit(revision, in: repository) else {
                throw Repository.neitherRevisionNorPath(revision)
            }
            target = commit
        }
        if !paths.isEmpty {
            if args.has("--soft", "--hard") { throw FatalError("Cannot do \(args.has("--soft") ? "soft" : "hard") reset with paths.") }
            let workTree = try repository.requireWorkTree("reset")
            let pathspec = try Pathspec(arguments: paths, prefix: repository.prefix, workTree: workTree)
            var options = CheckoutOperation.PathOptions(staged: true, worktree: false, removeMissing: true, unmatchedMessage: { _ in nil })
            options.source = try target.map { try repository.readCommit($0).tree }
            if options.source == nil {
                // Unborn branch: unstaging means removing from the index.
                options.source = try repository.objects.write(type: .tree, content: [])
            }
            _ = try CheckoutOperation(repository).restore(pathspec, options: options)
            try printUnstaged(repository, quiet: quiet, io)
            return
        }
        guard let target else { throw FatalError("pfad cannot reset an unborn branch") }
        let mode: ResetOperation.Mode = args.has("--hard") ? .hard : args.has("--soft") ? .soft : .mixed
        let unstaged: [(status: UInt8, path: [UInt8])]
        do {
            unstaged = try ResetOperation(repository).run(to: target, mode: mode, revision: revision)
        } catch let error as RepositoryError {
            throw FatalError(error.description)
        }
        if quiet { return }
        if mode == .hard {
            io.out.line("HEAD is now at \(try BranchOutput.oneline(target, in: repository))")
        } else if mode == .mixed, !unstaged.isEmpty {
            io.out.line("Unstaged changes after reset:")
            // git prints these paths unquoted.
            for (status, path) in unstaged { io.out.write([status, 0x09] + path + [0x0A]) }
        }
    }

    private func printUnstaged(_ repository: Repository, quiet: Bool, _ io: CommandIO) throws {
        guard !quiet else { return }
        let report = try StatusOperation(repository).run(includeUntracked: false)
        let changed = report.changes.filter { $0.workTree != 0x20 }
        guard !changed.isEmpty else { return }
        io.out.line("Unstaged changes after reset:")
        for change in changed {
            io.out.write([change.workTree == 0x44 ? 0x44 : 0x4D, 0x09] + change.path + [0x0A])
        }
    }
}
