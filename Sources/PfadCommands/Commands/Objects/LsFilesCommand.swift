import ArgumentParser
import PfadObjects
import PfadRepository

/// `pfad ls-files`: list the paths in the index (and optionally others).
struct LsFilesCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls-files",
        abstract: "List the files in the index, with -s their mode, id and stage.")

    @Flag(name: [.customShort("s"), .customLong("stage")], help: "Show mode, object id and stage.")
    var stage = false

    @Flag(name: [.customShort("c"), .customLong("cached")], help: "Show cached (tracked) files (the default).")
    var cached = false

    @Flag(name: [.customShort("o"), .customLong("others")], help: "Show untracked files.")
    var others = false

    @Flag(name: .customLong("exclude-standard"), help: "With -o: leave out files the ignore rules exclude.")
    var excludeStandard = false

    @Flag(name: .customShort("z"), help: "End lines with NUL and do not quote paths.")
    var nulTerminated = false

    @Argument(help: "Only list these paths.")
    var paths: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let workTree = try repository.requireWorkTree("ls-files")
        let pathspec = paths.isEmpty
            ? (repository.prefix.isEmpty ? Pathspec.all : try Pathspec(arguments: ["."], prefix: repository.prefix, workTree: workTree))
            : try Pathspec(arguments: paths, prefix: repository.prefix, workTree: workTree)
        let index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        let quotePath = CommandContext.quotePath(repository)
        let terminator: UInt8 = nulTerminated ? 0 : 0x0A
        func emitPath(_ path: [UInt8]) {
            let relative = PathQuoting.relative(path, to: repository.prefix)
            io.out.write(nulTerminated ? relative : PathQuoting.quote(relative, quotePath: quotePath))
            io.out.write([terminator])
        }
        if cached || !others {
            for entry in index.entries where pathspec.matches(entry.path) {
                if stage {
                    let mode = FileMode(rawValue: entry.mode)
                    io.out.write("\(mode.paddedOctal) \(entry.id.hex) \(entry.stage)\t")
                }
                emitPath(entry.path)
            }
        }
        if others {
            let scan = WorkTreeScan(repository: repository, workTree: workTree)
            for path in try scan.untrackedFiles(tracked: index.entries.map(\.path), excludeStandard: excludeStandard)
            where pathspec.matches(path) {
                emitPath(path)
            }
        }
    }
}
