import ArgumentParser
import PfadRepository

/// `pfad mv`: move or rename tracked files and folders
/// (`Documentation/git-mv.txt`).
struct MvCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "mv",
        abstract: "Move or rename a file or folder in the work tree and the index.",
        usage: "pfad mv [<options>] <source>... <destination>")

    @Flag(name: .shortAndLong, help: "Replace an existing destination file.")
    var force = false

    @Flag(name: .customShort("k"), help: "Skip sources that cannot be moved.")
    var skipErrors = false

    @Flag(name: [.customShort("n"), .customLong("dry-run")], help: "Only show what would be moved.")
    var dryRun = false

    @Flag(name: .shortAndLong, help: "Report each move.")
    var verbose = false

    @Argument(help: "The sources, then the destination.")
    var paths: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        _ = try repository.requireWorkTree("mv")
        guard paths.count >= 2, let last = paths.last else {
            throw UsageError("usage: pfad mv [<options>] <source>... <destination>")
        }
        let sources = try paths.dropLast().map { try Self.repositoryPath($0, prefix: repository.prefix) }
        let destination = try Self.repositoryPath(last, prefix: repository.prefix)
        var options = MoveOperation.Options()
        options.force = force
        options.skipErrors = skipErrors
        options.dryRun = dryRun
        let moves: [MoveOperation.Move]
        do {
            moves = try MoveOperation(repository).run(sources: sources, destination: destination, options: options)
        } catch let refusal as MoveOperation.Refusal {
            throw FatalError(refusal.description)
        }
        for move in moves {
            let source = String(decoding: move.source, as: UTF8.self)
            let target = String(decoding: move.destination, as: UTF8.self)
            if dryRun { io.out.line("Checking rename of '\(source)' to '\(target)'") }
            if dryRun || verbose { io.out.line("Renaming \(source) to \(target)") }
        }
    }

    /// `argument` (relative to the current folder) as a path from the work
    /// tree's root: `.` and `..` resolved, trailing slashes dropped.
    static func repositoryPath(_ argument: String, prefix: [UInt8]) throws -> [UInt8] {
        var parts: [[UInt8]] = prefix.split(separator: 0x2F).map(Array.init)
        for part in Array(argument.utf8).split(separator: 0x2F) {
            if part.elementsEqual([0x2E]) { continue }
            if part.elementsEqual([0x2E, 0x2E]) {
                guard parts.popLast() != nil else { throw FatalError("'\(argument)' is outside repository") }
                continue
            }
            parts.append(Array(part))
        }
        return Array(parts.joined(separator: [0x2F]))
    }
}
