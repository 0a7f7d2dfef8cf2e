import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad show`: show objects (`Documentation/git-show.txt`): a commit's
/// header and message, an annotated tag's header and message followed by
/// the object it tags, a tree's entry names, a blob's content.
struct ShowCommand: ParsableCommand {
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

    func run() throws {
        let repository = try CommandContext.repository()
        let cache = CommitCache(repository)
        var options: [String] = []
        var objects: [String] = []
        var noPatch = false
        for arg in arguments {
            if arg == "-s" || arg == "--no-patch" {
                noPatch = true
            } else if arg.hasPrefix("-") && arg.count > 1 {
                options.append(arg)
            } else {
                objects.append(arg)
            }
        }
        let args = try HistoryArguments.parse(options, repository: repository, cache: cache, command: "show")
        if objects.isEmpty { objects = ["HEAD"] }
        let formatter = CommitFormatter(repository: repository, format: args.format ?? .medium)
        formatter.dateStyle = args.dateStyle
        if let style = args.decorate {
            formatter.decorations = try Decorations(repository: repository, style: style)
            formatter.decorate = true
        }
        var shower = ObjectShower(repository: repository, formatter: formatter, patch: !noPatch)
        for spec in objects {
            let id = try CommandContext.object(spec, in: repository)
            try shower.show(id, name: spec)
        }
    }
}

/// Prints objects as `git show` does, keeping git's blank lines between
/// successive commits.
struct ObjectShower {
    let repository: Repository
    let formatter: CommitFormatter
    let patch: Bool
    private var shownCommit = false

    init(repository: Repository, formatter: CommitFormatter, patch: Bool) {
        self.repository = repository
        self.formatter = formatter
        self.patch = patch
    }

    mutating func show(_ id: ObjectID, name: String) throws {
        let out = Output.standard
        switch try repository.objectType(id) {
        case .commit:
            let commit = try repository.readCommit(id)
            if shownCommit && formatter.format.isBlockFormat { out.write([0x0A]) }
            out.write(try formatter.render(id, commit))
            if !formatter.format.isBlockFormat { out.write([0x0A]) }
            if patch, let diff = try CommitPatch.render(commit, repository: repository) {
                out.write([0x0A])
                out.write(diff)
            }
            shownCommit = true
        case .tag:
            let tag = try repository.readTag(id)
            out.write(Array("tag ".utf8) + tag.name + [0x0A])
            if let tagger = tag.tagger {
                out.write(Array("Tagger: ".utf8) + tagger.name + Array(" <".utf8) + tagger.email + Array(">\n".utf8))
                out.line("Date:   " + formatter.dateStyle.format(time: tagger.time, offset: tagger.offset))
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

/// The patch `show` prints below a commit. Merges get git's (empty) combined
/// diff of a clean merge; other commits would get their diff against the
/// first parent, which needs the tree-to-tree diff (not wired yet: nil).
enum CommitPatch {
    static func render(_ commit: Commit, repository: Repository) throws -> [UInt8]? {
        if commit.parents.count > 1 { return [] }
        return nil
    }
}
