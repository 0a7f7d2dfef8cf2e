import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad commit`: record the staged changes as a new commit.
struct CommitCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "Record the staged changes as a new commit on the current branch.")

    @Option(name: [.customShort("m"), .customLong("message")], help: "The message; several -m make several paragraphs.")
    var messages: [String] = []

    @Option(name: [.customShort("F"), .customLong("file")], help: "Read the message from a file ('-' for standard input).")
    var messageFile: String?

    @Flag(name: [.customShort("a"), .customLong("all")], help: "Stage changed and deleted tracked files first.")
    var all = false

    @Flag(name: .customLong("allow-empty"), help: "Allow a commit that changes nothing.")
    var allowEmpty = false

    @Option(help: "Override the author: \"Name <email>\".")
    var author: String?

    @Option(help: "Message clean-up: strip, whitespace, verbatim or default.")
    var cleanup: String = "default"

    @Flag(name: .customLong("no-edit"), help: "Use the prepared message (MERGE_MSG) as it is; pfad never starts an editor.")
    var noEdit = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        var paragraphs = messages
        if let messageFile {
            let bytes = messageFile == "-" ? CommandContext.readStandardInput() : try CommandContext.readFile(messageFile, io)
            paragraphs.append(String(decoding: bytes, as: UTF8.self))
        }
        let preparedMessage = MergeState(repository).read(.mergeMessage) != nil
        guard !paragraphs.isEmpty || preparedMessage else {
            throw FatalError("no commit message given; use -m or -F (pfad does not start an editor)")
        }
        var options = CommitOperation.Options(messages: paragraphs)
        options.all = all
        options.allowEmpty = allowEmpty
        options.author = author
        switch cleanup {
        case "default", "whitespace": options.cleanup = .whitespace
        case "strip": options.cleanup = .strip
        case "verbatim": options.cleanup = .verbatim
        default: throw FatalError("Invalid cleanup mode \(cleanup)")
        }
        let result: CommitOperation.Result
        do {
            result = try CommitOperation(repository).run(options)
        } catch RepositoryError.nothingToCommit {
            let status = try StatusOperation(repository).run()
            if !quiet { StatusPrinter(repository: repository, io: io).printLong(status, nothingToCommitOnly: true) }
            throw CommandExit(1)
        }
        if !quiet {
            let branch = result.branch.map { String(decoding: $0, as: UTF8.self) } ?? "detached HEAD"
            let root = result.isRoot ? " (root-commit)" : ""
            let short = try repository.abbreviate(result.id)
            io.out.write("[\(branch)\(root) \(short)] ")
            io.out.write(result.commit.summary)
            io.out.write([0x0A])
            let author = result.commit.author
            let committer = result.commit.committer
            if author.name != committer.name || author.email != committer.email {
                // git names the author when it is not the committer.
                io.out.write(Array(" Author: ".utf8) + author.name + Array(" <".utf8) + author.email)
                io.out.write(Array(">\n".utf8))
            }
            io.out.write(try Self.changeSummary(of: result.id, in: repository))
        }
    }

    /// git's lines after the commit line: ` N files changed, X insertions(+),
    /// Y deletions(-)` and the `--summary` lines (create/delete mode,
    /// renames, mode changes), for the commit against its first parent with
    /// rename detection. Empty for a commit that changes nothing.
    static func changeSummary(of commit: ObjectID, in repository: Repository) throws -> [UInt8] {
        var options = DiffOptions()
        options.formats = [.shortstat, .summary]
        options.quotePath = CommandContext.quotePath(repository)
        let changes = try TreeDiff(repository).commitAgainstFirstParent(commit)
        let items = try DiffRevisions(repository: repository, options: options).items(changes)
        return try DiffPrinter.render(items, options: options)
    }
}
