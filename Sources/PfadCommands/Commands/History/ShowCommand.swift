import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad show`: show objects (`Documentation/git-show.txt`): a commit's
/// header and message, an annotated tag's header and message followed by
/// the object it tags, a tree's entry names, a blob's content.
struct ShowCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show commits, tags, trees and blobs.",
        discussion: """
            pfad show [--oneline] [--format=FMT | --pretty=NAME] [-s | --no-patch] [--decorate] [--date=STYLE] [OBJECT...]
            Without an object, shows HEAD.
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options and objects.")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let cache = CommitCache(repository)
        var options: [String] = []
        var diffArguments: [String] = []
        var objects: [String] = []
        var noPatch = false
        for arg in arguments {
            if arg == "-s" || arg == "--no-patch" {
                noPatch = true
            } else if Self.isHistoryOption(arg) {
                options.append(arg)
            } else if arg.hasPrefix("-") && arg.count > 1 {
                diffArguments.append(arg)
            } else {
                objects.append(arg)
            }
        }
        let diffOptions: DiffOptions
        do {
            diffOptions = try DiffOptions.parse(diffArguments)
        } catch is UsageError {
            // git show: an unknown option is a fatal error (exit 128).
            let unknown = diffArguments.first { (try? DiffOptions.parse([$0])) == nil } ?? ""
            throw FatalError("unrecognized argument: \(unknown)")
        }
        let args = try HistoryArguments.parse(options, repository: repository, cache: cache, command: "show")
        if objects.isEmpty { objects = ["HEAD"] }
        let formatter = CommitFormatter(repository: repository, format: args.format ?? .medium)
        formatter.dateStyle = args.dateStyle
        if let style = args.decorate {
            formatter.decorations = try Decorations(repository: repository, style: style)
            formatter.decorate = true
        }
        var shower = ObjectShower(repository: repository, formatter: formatter, patch: noPatch ? nil : diffOptions, io: io)
        for spec in objects {
            let id = try CommandContext.object(spec, in: repository)
            try shower.show(id, name: spec)
        }
    }

    /// Options `show` shares with `log` (format, dates, decorations).
    static func isHistoryOption(_ arg: String) -> Bool {
        ["--oneline", "--pretty", "--decorate", "--no-decorate"].contains(arg)
            || ["--format=", "--pretty=", "--decorate=", "--date="].contains { arg.hasPrefix($0) }
    }
}

/// Prints objects as `git show` does, keeping git's blank lines between
/// successive commits.
struct ObjectShower {
    let repository: Repository
    let formatter: CommitFormatter
    /// Diff options for the patch; nil with `-s`.
    let patch: DiffOptions?
    /// Where the output goes.
    let io: CommandIO
    private var shownCommit = false

    init(repository: Repository, formatter: CommitFormatter, patch: DiffOptions?, io: CommandIO) {
        self.repository = repository
        self.io = io
        self.formatter = formatter
        self.patch = patch
    }

    mutating func show(_ id: ObjectID, name: String) throws {
        let out = io.out
        switch try repository.objectType(id) {
        case .commit:
            let commit = try repository.readCommit(id)
            let separated: Bool
            switch formatter.format {
            case .template(_, terminator: false): separated = true
            case .template, .oneline: separated = false
            default: separated = true
            }
            if shownCommit && separated { out.write([0x0A]) }
            out.write(try formatter.render(id, commit))
            if !separated { out.write([0x0A]) }
            if let patch {
                // git's separator line before the patch; a merge's (empty)
                // combined diff still gets it, oneline commits do not.
                let diff = try CommitPatch.render(id, commit, repository: repository, options: patch)
                if commit.parents.count > 1 || (!diff.isEmpty && formatter.format != .oneline) {
                    out.write([0x0A])
                }
                out.write(diff)
            }
            shownCommit = true
        case .tag:
            let tag = try repository.readTag(id)
            out.write(Array("tag ".utf8) + tag.name + [0x0A])
            if let tagger = tag.tagger {
                out.write(Array("Tagger: ".utf8) + tagger.name + Array(" <".utf8) + tagger.email + Array(">\n".utf8))
                out.line("Date:   " + (try formatter.dateStyle.format(time: tagger.time, offset: tagger.offset)))
            }
            out.write([0x0A])
            out.write(tag.message)
            if !tag.message.isEmpty && tag.message.last != 0x0A { out.write([0x0A]) }
            out.write([0x0A])
            try show(tag.object, name: tag.object.hex)
        case .tree:
            out.line("tree \(name)")
            out.write([0x0A])
            for entry in try repository.readTree(id).entries {
                out.write(entry.name)
                out.write(entry.mode.isDirectory ? [0x2F, 0x0A] : [0x0A])
            }
        case .blob:
            out.write(try repository.readObject(id).content)
        }
    }
}

/// The patch `show` prints below a commit: its diff against the first
/// parent (a root commit against the empty tree), through `DiffRevisions`.
/// Merges print nothing here: git's combined diff (`--cc`) is not
/// implemented, which matches git only for merges that took every file from
/// one of their parents.
enum CommitPatch {
    static func render(_ id: ObjectID, _ commit: Commit, repository: Repository, options: DiffOptions) throws -> [UInt8] {
        if commit.parents.count > 1 { return [] }
        return try DiffRevisions.render(commit: id, repository: repository, options: options)
    }
}
