import ArgumentParser
import Foundation
import PfadDiff

/// `pfad merge-file [-p] [--diff3|--zdiff3] [-L <label>]... <current> <base> <other>`:
/// a three-way merge of single files with git's conflict markers. Writes
/// into `<current>` (or to standard output with `-p`) and exits with the
/// number of conflicts (at most 127), as git does.
struct MergeFileCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-file",
        abstract: "Run a three-way file merge.",
        discussion: """
            Options: -p/--stdout, --diff3, --zdiff3, --ours, --theirs, --union, -q, \
            --marker-size=<n>, -L <label> (up to three: current, base, other).
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options and the three files.")
    var arguments: [String] = []

    func run(_ io: CommandIO) throws {
        var options = MergeOptions()
        var toStdout = false
        var labels: [String] = []
        var files: [String] = []
        var index = 0
        while index < arguments.count {
            let arg = arguments[index]
            index += 1
            switch arg {
            case "-p", "--stdout": toStdout = true
            case "--diff3": options.style = .diff3
            case "--zdiff3": options.style = .zdiff3
            case "--ours": options.favor = .ours
            case "--theirs": options.favor = .theirs
            case "--union": options.favor = .union
            case "-q", "--quiet": break
            case "-L":
                guard index < arguments.count else { throw UsageError("switch `L' requires a value") }
                labels.append(arguments[index])
                index += 1
            default:
                if let size = arg.valueAfter("--marker-size=") {
                    guard let n = Int(size), n > 0 else { throw UsageError("invalid marker size: \(size)") }
                    options.markerSize = n
                } else if arg.hasPrefix("-L") && arg.count > 2 {
                    labels.append(String(arg.dropFirst(2)))
                } else if arg.hasPrefix("-") && arg != "-" {
                    throw UsageError("unknown option `\(arg)'")
                } else {
                    files.append(arg)
                }
            }
        }
        guard files.count == 3 else {
            throw UsageError("usage: pfad merge-file [<options>] [-L <name1> [-L <orig> [-L <name2>]]] <file1> <orig-file> <file2>")
        }
        guard labels.count <= 3 else { throw UsageError("too many labels on the command line") }
        options.currentLabel = Array((labels.count > 0 ? labels[0] : files[0]).utf8)
        options.baseLabel = Array((labels.count > 1 ? labels[1] : files[1]).utf8)
        options.otherLabel = Array((labels.count > 2 ? labels[2] : files[2]).utf8)
        let contents = try files.map { path -> [UInt8] in
            guard let data = FileManager.default.contents(atPath: io.absolute(path)) else {
                // git: "error: Could not stat <path>: ..." and exit status -1 (255).
                io.error("Could not stat \(path): No such file or directory")
                throw CommandExit(255)
            }
            let bytes = Array(data)
            if BinaryDetection.isBinary(bytes) { throw FatalError("Cannot merge binary files: \(path)") }
            return bytes
        }
        let result = ThreeWayMerge.merge(base: contents[1], current: contents[0], other: contents[2], options: options)
        if toStdout {
            io.out.write(result.content)
        } else {
            guard FileManager.default.createFile(atPath: io.absolute(files[0]), contents: Data(result.content)) else {
                throw FatalError("could not write '\(files[0])'")
            }
        }
        if result.conflicts > 0 { throw CommandExit(Int32(min(result.conflicts, 127))) }
    }
}
