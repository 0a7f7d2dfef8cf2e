import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad log`: show commit history (`Documentation/git-log.txt`).
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show commit history.",
        discussion: """
            pfad log [--oneline] [--format=FMT | --pretty=NAME] [-n N] [--skip=N] [--reverse] \
            [--first-parent] [--topo-order | --date-order] [--all] [--decorate[=short|full|no]] \
            [--date=STYLE] [REV...] [^REV | A..B | A...B] [-- PATH...]
            Placeholders: %H %h %T %t %P %p %an %ae %at %ai %aI %ad %as %cn %ce %ct %ci %cI %cd %cs \
            %s %b %B %d %D %n %% %xNN.
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options, revisions and paths.")
    var arguments: [String] = []

    func run() throws {
        let repository = try CommandContext.repository()
        let cache = CommitCache(repository)
        var args = try HistoryArguments.parse(arguments, repository: repository, cache: cache, command: "log")
        try args.defaultToHead(repository: repository, cache: cache)
        let walk = try RevisionWalk(cache: cache, include: args.revisions.include, exclude: args.revisions.exclude, options: args.walk)
        let formatter = CommitFormatter(repository: repository, format: args.format ?? .medium)
        formatter.dateStyle = args.dateStyle
        if let style = args.decorate {
            formatter.decorations = try Decorations(repository: repository, style: style)
            formatter.decorate = true
        }
        try LogPrinter.print(walk, formatter: formatter)
    }
}

/// Writes a walk's commits in a format, with git's separators: a blank line
/// between block-format commits, a newline after each `oneline`/`tformat`
/// commit, a newline between `format:` commits. Streams to `Output.standard`.
enum LogPrinter {
    static func print(_ walk: RevisionWalk, formatter: CommitFormatter, after: ((ObjectID, Commit) throws -> Void)? = nil) throws {
        let out = Output.standard
        var first = true
        while let id = try walk.next() {
            let commit = try walk.commit(id)
            switch formatter.format {
            case .template(_, terminator: false):
                if !first { out.write([0x0A]) }
                out.write(try formatter.render(id, commit))
            case .oneline, .template:
                out.write(try formatter.render(id, commit))
                out.write([0x0A])
            default:
                if !first { out.write([0x0A]) }
                out.write(try formatter.render(id, commit))
            }
            try after?(id, commit)
            first = false
        }
    }
}
