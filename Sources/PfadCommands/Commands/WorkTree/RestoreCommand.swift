import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad restore`: restore work-tree files from the index, or (with
/// `--staged`) index entries from HEAD, or either from `--source`.
struct RestoreCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore work-tree files (from the index) or staged entries (--staged, from HEAD).")

    @Argument(parsing: .captureForPassthrough, help: "[-s REV] [-S] [-W] PATHS")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        let args = try GitArguments(
            arguments, flags: ["-S", "--staged", "-W", "--worktree", "-q", "--quiet"], valued: ["-s", "--source"])
        let repository = try CommandContext.repository(io)
        let workTree = try repository.requireWorkTree("restore")
        let paths = args.positionals + (args.afterDashDash ?? [])
        guard !paths.isEmpty else { throw FatalError("you must specify path(s) to restore") }
        let staged = args.has("-S", "--staged")
        let worktree = args.has("-W", "--worktree") || !staged
        var options = CheckoutOperation.PathOptions(staged: staged, worktree: worktree, removeMissing: true)
        let sourceName = args.value("-s", "--source") ?? (staged ? "HEAD" : nil)
        if let sourceName {
            guard let commit = try BranchOutput.commit(sourceName, in: repository) else {
                throw FatalError("could not resolve \(sourceName)")
            }
            options.source = try repository.readCommit(commit).tree
        }
        let pathspec = try Pathspec(arguments: paths, prefix: repository.prefix, workTree: workTree)
        do {
            _ = try CheckoutOperation(repository).restore(pathspec, options: options)
        } catch RepositoryError.other(let message) where message.hasPrefix("pathspec") {
            io.error(message)
            throw CommandExit(1)
        } catch let error as RepositoryError {
            throw FatalError(error.description)
        }
    }
}
