import ArgumentParser
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad reflog [show] [REF]`: the ref's log of changes, newest first
/// (`Documentation/git-reflog.txt`), as `<abbrev> REF@{N}: <message>`.
/// Old positions can then be named `REF@{N}` (for example to undo a reset:
/// `pfad reset --hard HEAD@{1}`).
struct ReflogCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "reflog",
        abstract: "Show the log of a ref's changes (default HEAD).",
        discussion: "pfad reflog [show] [-n N] [REF]"
    )

    @Argument(parsing: .captureForPassthrough, help: "[show] [-n N] [REF]")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        var args = arguments[...]
        if args.first == "show" { args = args.dropFirst() }
        var maxCount: Int?
        var refArgument: String?
        var iterator = args.makeIterator()
        while let arg = iterator.next() {
            if arg == "-n" || arg == "--max-count" {
                guard let v = iterator.next(), let n = Int(v) else { throw UsageError("option '\(arg)' requires a number") }
                maxCount = n
            } else if arg.hasPrefix("-n"), let n = Int(arg.dropFirst(2)) {
                maxCount = n
            } else if arg.hasPrefix("--max-count="), let n = Int(arg.dropFirst(12)) {
                maxCount = n
            } else if arg == "--" {
                continue
            } else if arg.hasPrefix("-") {
                throw UsageError("unknown option '\(arg)'")
            } else {
                guard refArgument == nil else { throw UsageError("usage: pfad reflog [show] [REF]") }
                refArgument = arg
            }
        }
        let display = refArgument ?? "HEAD"
        guard let refName = try ReflogReader.refName(display, repository: repository) else {
            throw Repository.neitherRevisionNorPath(display)
        }
        let entries = try repository.refs.readReflog(refName)
        let formatter = CommitFormatter(repository: repository, format: .oneline)
        let out = io.out
        for (n, entry) in entries.reversed().enumerated() {
            if let maxCount, n >= maxCount { break }
            out.write(try formatter.abbreviate(entry.new))
            out.write(" \(display)@{\(n)}: ")
            out.write(entry.message)
            out.write([0x0A])
        }
    }
}
