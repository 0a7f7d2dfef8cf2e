import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad rev-list`: list commits (`Documentation/git-rev-list.txt`).
struct RevListCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "rev-list",
        abstract: "List commits in reverse chronological order.",
        discussion: """
            pfad rev-list [--topo-order | --date-order] [--all] [--count] [--parents] [-n N] \
            [--skip=N] [--reverse] [--first-parent] REV... [^REV | A..B | A...B] [-- PATH...]
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options, revisions and paths.")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let cache = CommitCache(repository)
        let args = try HistoryArguments.parse(arguments, repository: repository, cache: cache, command: "rev-list")
        if args.revisions.isEmpty && args.revisionArguments.isEmpty && !arguments.contains("--all") {
            throw UsageError("usage: pfad rev-list [<options>] <commit>... [--] [<path>...]")
        }
        let walk = try RevisionWalk(cache: cache, include: args.revisions.include, exclude: args.revisions.exclude, options: args.walk)
        let out = io.out
        if args.count {
            var n = 0
            while try walk.next() != nil { n += 1 }
            out.line(String(n))
            return
        }
        while let id = try walk.next() {
            out.write(id.hexBytes)
            if args.parents {
                // Real parents; under path limiting, the parents the walk
                // followed (git would rewrite them to shown ancestors).
                let parents = args.walk.paths.isEmpty ? try walk.commit(id).parents : walk.parents(of: id)
                for p in parents {
                    out.write([0x20])
                    out.write(p.hexBytes)
                }
            }
            out.write([0x0A])
        }
    }
}
