import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad merge-base`: best common ancestors (`Documentation/git-merge-base.txt`).
struct MergeBaseCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-base",
        abstract: "Find the best common ancestor(s) of commits.",
        discussion: "pfad merge-base [--all] A B...; pfad merge-base --is-ancestor A B (exit 0 or 1)."
    )

    @Flag(name: .long, help: "Print every best common ancestor, not only one.")
    var all = false

    @Flag(name: .customLong("is-ancestor"), help: "Exit 0 when A is an ancestor of B, 1 when not.")
    var isAncestor = false

    @Argument(help: "Commits.")
    var commits: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let cache = CommitCache(repository)
        var ids: [ObjectID] = []
        for spec in commits {
            let id = try CommandContext.object(spec, in: repository)
            guard let c = try repository.peel(id, to: .commit) else {
                throw FatalError("Not a valid commit name \(spec)")
            }
            ids.append(c)
        }
        let finder = MergeBase(cache: cache)
        if isAncestor {
            guard ids.count == 2 else { throw UsageError("usage: pfad merge-base --is-ancestor <commit> <commit>") }
            if try !finder.isAncestor(ids[0], of: ids[1]) { throw CommandExit(1) }
            return
        }
        guard ids.count >= 2 else { throw UsageError("usage: pfad merge-base [-a | --all] <commit> <commit>...") }
        let bases = try finder.bases(ids[0], Array(ids.dropFirst()))
        if bases.isEmpty { throw CommandExit(1) }
        for id in all ? bases : [bases[0]] {
            io.out.write(id.hexBytes)
            io.out.write([0x0A])
        }
    }
}
