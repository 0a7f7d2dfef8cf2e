import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad log`: show commit history (`Documentation/git-log.txt`).
struct LogCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show commit history.",
        discussion: """
            pfad log [--oneline] [--format=FMT | --pretty=NAME] [-n N] [--skip=N] [--reverse] \
            [--merges | --no-merges | --min-parents=N | --max-parents=N] [-p | --stat | --name-status] \
            [--first-parent] [--topo-order | --date-order] [--all] [--decorate[=short|full|no]] \
            [--date=STYLE] [REV...] [^REV | A..B | A...B] [-- PATH...]
            Placeholders: %H %h %T %t %P %p %an %ae %at %ai %aI %ad %as %cn %ce %ct %ci %cI %cd %cs \
            %s %b %B %d %D %n %% %xNN.
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options, revisions and paths.")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let cache = CommitCache(repository)
        let (historyArguments, diffArguments) = LogPatch.split(arguments)
        var args = try HistoryArguments.parse(historyArguments, repository: repository, cache: cache, command: "log")
        try args.defaultToHead(repository: repository, cache: cache)
        let walk = try RevisionWalk(cache: cache, include: args.revisions.include, exclude: args.revisions.exclude, options: args.walk)
        let formatter = CommitFormatter(repository: repository, format: args.format ?? .medium)
        formatter.dateStyle = args.dateStyle
        if let style = args.decorate {
            formatter.decorations = try Decorations(repository: repository, style: style)
            formatter.decorate = true
        }
        guard !diffArguments.isEmpty else {
            try LogPrinter.print(walk, formatter: formatter, io: io)
            return
        }
        let patch = try LogPatch(repository: repository, options: DiffOptions.parse(diffArguments), paths: args.revisions.paths)
        try LogPrinter.print(walk, formatter: formatter, io: io) { id, commit in
            let diff = try patch.render(id, commit, cache: cache)
            guard !diff.isEmpty else { return }
            if formatter.format != .oneline { io.out.write([0x0A]) }
            io.out.write(diff)
        }
    }
}

/// `log -p`/`--stat`/`--name-status`...: each non-merge commit's diff
/// against its first parent (root commits against the empty tree), limited
/// to the log's paths as git limits it; merges show no diff (git's default
/// without `-m`/`--cc`).
struct LogPatch {
    let repository: Repository
    let options: DiffOptions
    let pathspec: Pathspec?

    init(repository: Repository, options: DiffOptions, paths: [String]) throws {
        self.repository = repository
        self.options = options
        self.pathspec = paths.isEmpty ? nil : try Pathspec(
            arguments: paths, prefix: repository.prefix, workTree: repository.workTree ?? repository.gitDirectory)
    }

    func render(_ id: ObjectID, _ commit: Commit, cache: CommitCache) throws -> [UInt8] {
        guard commit.parents.count <= 1 else { return [] }
        let old = try commit.parents.first.map { try cache.commit($0).tree }
        return try DiffRevisions.render(trees: old, commit.tree, repository: repository, options: options, pathspec: pathspec)
    }

    /// Splits `log`'s arguments into history options and diff options
    /// (those before `--` that select or shape a diff).
    static func split(_ arguments: [String]) -> (history: [String], diff: [String]) {
        var history: [String] = [], diff: [String] = []
        var afterSeparator = false
        for arg in arguments {
            if arg == "--" { afterSeparator = true }
            if !afterSeparator && isDiffOption(arg) { diff.append(arg) } else { history.append(arg) }
        }
        return (history, diff)
    }

    static func isDiffOption(_ arg: String) -> Bool {
        let exact: Set<String> = [
            "-p", "-u", "--patch", "--stat", "--numstat", "--shortstat", "--summary", "--name-only", "--name-status",
            "--no-renames", "-M", "--minimal", "--patience", "--histogram", "--no-prefix",
        ]
        if exact.contains(arg) { return true }
        return ["-U", "--unified=", "--stat=", "-M", "--find-renames=", "--diff-algorithm="].contains { arg.hasPrefix($0) }
    }
}

/// Writes a walk's commits in a format, with git's separators: a blank line
/// between block-format commits, a newline after each `oneline`/`tformat`
/// commit, a newline between `format:` commits. Streams to `io.out`.
enum LogPrinter {
    static func print(_ walk: RevisionWalk, formatter: CommitFormatter, io: CommandIO, after: ((ObjectID, Commit) throws -> Void)? = nil) throws {
        let out = io.out
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
