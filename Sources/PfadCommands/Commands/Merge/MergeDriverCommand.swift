import ArgumentParser
import Foundation
import PfadDiff
import PfadGuides
import PfadStore

/// `pfad merge-driver <base> <current> <other> [<marker-size> [<path>]]`:
/// the guide merge as a merge driver for plain git
/// (`git config merge.guide.driver 'pfad merge-driver %O %A %B %L %P'`).
/// Writes the result into `<current>` (atomically) and exits 0 when the
/// merge is clean, 1 when it left conflicts, as git expects of a driver.
struct MergeDriverCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge guide files for git (merge driver).",
        discussion: """
            Use from git: git config merge.guide.driver 'pfad merge-driver %O %A %B %L %P' \
            and give the guides the attribute merge=guide in .gitattributes. Conflicts are \
            labelled 'ours' and 'theirs'.
            """
    )

    @Argument(help: "The common ancestor's version (%O).")
    var base: String
    @Argument(help: "The current version (%A); the result is written here.")
    var current: String
    @Argument(help: "The other branch's version (%B).")
    var other: String
    @Argument(help: "The conflict marker size (%L).")
    var markerSize: Int = 7
    @Argument(help: "The path in the repository (%P).")
    var path: String?

    func run(_ io: CommandIO) throws {
        guard markerSize > 0 else { throw UsageError("invalid marker size: \(markerSize)") }
        let contents = try [base, current, other].map { file -> [UInt8] in
            guard let data = FileManager.default.contents(atPath: io.absolute(file)) else {
                throw FatalError("could not read '\(file)'")
            }
            return Array(data)
        }
        let options = MergeOptions(
            style: .merge, currentLabel: Array("ours".utf8), baseLabel: Array("base".utf8),
            otherLabel: Array("theirs".utf8), markerSize: markerSize)
        let result: MergeResult
        if contents.contains(where: BinaryDetection.isBinary) {
            throw FatalError("Cannot merge binary files: \(path ?? current)")
        } else {
            result = GuideMerge.merge(base: contents[0], current: contents[1], other: contents[2], options: options)
        }
        do {
            try AtomicFile.write(result.content, to: io.absolute(current))
        } catch {
            throw FatalError("could not write '\(current)': \(error)")
        }
        if result.conflicts > 0 { throw CommandExit(1) }
    }
}
