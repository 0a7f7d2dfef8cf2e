import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository

/// `pfad blame`: which commit last changed each line of a file.
struct BlameCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "blame",
        abstract: "Show which commit last changed each line of a file.",
        discussion: """
            pfad blame [-L <start>,<end>]... [--porcelain | --line-porcelain] [-l] [-s] [-e] [-f] [-n] [--abbrev=<n>] [--root] \
            [<rev>] [--] <file>   (also: <file> <rev>). Without <rev> the work tree's file is blamed on top of HEAD.
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options, the revision and the file.")
    var arguments: [String] = []

    /// The parsed command line.
    struct Options {
        var ranges: [BlameLineRange] = []
        var porcelain = false
        var linePorcelain = false
        var longIDs = false
        var suppressAuthor = false
        var showEmail = false
        var showName = false
        var showRoot = false
        var showNumber = false
        var abbrev: Int?
        var revision: String?
        var file: String = ""
    }

    static func parse(_ arguments: [String], repository: Repository) throws -> Options {
        var options = Options()
        var positionals: [String] = []
        var afterDashes: [String] = []
        var index = 0
        func rangeValue(_ text: String) throws -> BlameLineRange {
            guard let range = BlameLineRange(text) else {
                throw UsageError("-L parameter '\(text)': only numeric ranges (a,b a,+n a,-n) are supported")
            }
            return range
        }
        while index < arguments.count {
            let arg = arguments[index]
            index += 1
            switch arg {
            case "--":
                afterDashes = Array(arguments[index...])
                index = arguments.count
            case "-L":
                guard index < arguments.count else { throw UsageError("switch `L' requires a value") }
                options.ranges.append(try rangeValue(arguments[index]))
                index += 1
            case "-p", "--porcelain": options.porcelain = true
            case "--line-porcelain": options.linePorcelain = true
            case "-l": options.longIDs = true
            case "-s": options.suppressAuthor = true
            case "-e", "--show-email": options.showEmail = true
            case "-f", "--show-name": options.showName = true
            case "--root": options.showRoot = true
            case "-n", "--show-number": options.showNumber = true
            default:
                if arg.hasPrefix("--abbrev=") {
                    guard let n = Int(arg.dropFirst("--abbrev=".count)), n >= 0 else {
                        throw UsageError("option `abbrev' expects a numerical value")
                    }
                    options.abbrev = n
                } else if arg.hasPrefix("-L") {
                    options.ranges.append(try rangeValue(String(arg.dropFirst(2))))
                } else if arg.hasPrefix("-") && arg.count > 1 {
                    throw UsageError("unknown option `\(arg.drop(while: { $0 == "-" }))'")
                } else {
                    positionals.append(arg)
                }
            }
        }
        if !afterDashes.isEmpty || arguments.contains("--") {
            guard afterDashes.count == 1, positionals.count <= 1 else {
                throw UsageError("usage: pfad blame [<options>] [<rev>] [--] <file>")
            }
            options.file = afterDashes[0]
            options.revision = positionals.first
        } else if positionals.count == 1 {
            options.file = positionals[0]
        } else if positionals.count == 2 {
            // `REV FILE` when the first names a commit, else `FILE REV`.
            let first = try? RevisionParser(repository).resolve(positionals[0])
            if first.flatMap({ $0 }) != nil {
                options.revision = positionals[0]
                options.file = positionals[1]
            } else {
                options.file = positionals[0]
                options.revision = positionals[1]
            }
        } else {
            throw UsageError("usage: pfad blame [<options>] [<rev>] [--] <file>")
        }
        return options
    }

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        var options = try Self.parse(arguments, repository: repository)
        // `blame.showRoot` and `blame.showEmail` turn the options on as in git.
        if (try? repository.settings.getBool("blame.showroot")) == true { options.showRoot = true }
        if (try? repository.settings.getBool("blame.showemail")) == true { options.showEmail = true }
        let path = Self.repositoryPath(options.file, prefix: repository.prefix)
        let pathText = String(decoding: path, as: UTF8.self)
        let operation = BlameOperation(repository: repository, showRoot: options.showRoot)
        let result: BlameResult
        do {
            if let revision = options.revision {
                let object = try CommandContext.object(revision, in: repository)
                guard let commit = try repository.peel(object, to: .commit) else {
                    throw FatalError("cannot blame \(revision): not a commit")
                }
                guard let file = try operation.file(at: path, in: commit) else {
                    throw FatalError("no such path \(pathText) in \(revision)")
                }
                let lines = try Self.lineRanges(options.ranges, content: file.content, path: pathText)
                result = try operation.run(path: path, commit: commit, blob: file.blob, content: file.content, lines: lines)
            } else {
                let workTree = try repository.requireWorkTree("blame")
                let head = try CommandContext.object("HEAD", in: repository)
                if try operation.file(at: path, in: head) == nil {
                    // Only in the index (added, not committed): git blames it whole on the work tree.
                    let index = try? IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
                    guard index?.entry(path: path) != nil else {
                        throw FatalError("no such path '\(pathText)' in HEAD")
                    }
                }
                let content = try CommandContext.readFile(workTree + "/" + pathText, io)
                let lines = try Self.lineRanges(options.ranges, content: content, path: pathText)
                let now = Int64(Date().timeIntervalSince1970)
                let zone = TimeZone.current.secondsFromGMT(for: Date()) / 60
                result = try operation.runWorkTree(
                    path: path, content: content, head: head,
                    now: (now, Array(GitDate.formatOffset(minutes: zone).utf8)), lines: lines)
            }
        } catch let error as RepositoryError {
            throw FatalError(error.description)
        }
        let printer = BlamePrinter(
            repository: repository, result: result, options: options, quotePath: CommandContext.quotePath(repository), io: io)
        if options.porcelain || options.linePorcelain {
            printer.porcelain(everyLine: options.linePorcelain)
        } else {
            try printer.human()
        }
    }

    /// The file's path from the top of the work tree.
    static func repositoryPath(_ file: String, prefix: [UInt8]) -> [UInt8] {
        var parts: [[UInt8]] = prefix.split(separator: 0x2F).map(Array.init)
        for part in Array(file.utf8).split(separator: 0x2F) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) {
                _ = parts.popLast()
                continue
            }
            parts.append(Array(part))
        }
        return Array(parts.joined(separator: [0x2F]))
    }

    /// The 0-based ranges of the `-L` options; nil for the whole file.
    static func lineRanges(_ ranges: [BlameLineRange], content: [UInt8], path: String) throws -> [Range<Int>]? {
        guard !ranges.isEmpty else { return nil }
        var count = 0
        for byte in content where byte == 0x0A { count += 1 }
        if let last = content.last, last != 0x0A { count += 1 }
        var resolved = try ranges.map { try $0.resolve(lineCount: count, path: path) }
        resolved.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in resolved {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}

/// Prints a `BlameResult` in git's porcelain and human formats.
struct BlamePrinter {
    let repository: Repository
    let result: BlameResult
    let options: BlameCommand.Options
    let quotePath: Bool
    let io: CommandIO

    /// `--porcelain` (commit details once per commit) or `--line-porcelain`
    /// (details on every line).
    func porcelain(everyLine: Bool) {
        let out = io.out
        var shown = Set<ObjectID>()
        var paths: [ObjectID: Set<[UInt8]>] = [:]
        for entry in result.entries { paths[entry.commit, default: []].insert(entry.path) }
        for entry in result.entries {
            guard let info = result.commits[entry.commit] else { continue }
            let hex = entry.commit.hex
            for k in 0..<entry.count {
                out.write("\(hex) \(entry.sourceStart + k + 1) \(entry.finalStart + k + 1)")
                if k == 0 { out.write(" \(entry.count)") }
                out.write([0x0A])
                let first = !shown.contains(entry.commit)
                if first || everyLine {
                    shown.insert(entry.commit)
                    writeDetails(info)
                    writeFilename(entry.path)
                } else if k == 0, (paths[entry.commit]?.count ?? 0) > 1 {
                    writeFilename(entry.path)
                }
                out.write([0x09])
                writeLine(entry.finalStart + k)
            }
        }
        out.flush()
    }

    private func writeDetails(_ info: BlameCommitInfo) {
        let out = io.out
        for (role, who) in [("author", info.author), ("committer", info.committer)] {
            out.write("\(role) ")
            out.write(who.name)
            out.write("\n\(role)-mail <")
            out.write(who.email)
            out.write(">\n\(role)-time \(who.time)\n\(role)-tz ")
            out.write(who.offset)
            out.write([0x0A])
        }
        out.write("summary ")
        out.write(info.summary)
        out.write([0x0A])
        if info.isBoundary { out.line("boundary") }
        if let previous = info.previous {
            out.write("previous \(previous.commit.hex) ")
            out.write(PathQuoting.quote(previous.path, quotePath: quotePath))
            out.write([0x0A])
        }
    }

    private func writeFilename(_ path: [UInt8]) {
        io.out.write("filename ")
        io.out.write(PathQuoting.quote(path, quotePath: quotePath))
        io.out.write([0x0A])
    }

    /// Final line `index` without its terminator, then a newline.
    private func writeLine(_ index: Int) {
        var line = result.line(index)
        if line.last == 0x0A { line = line.dropLast() }
        io.out.write(line)
        io.out.write([0x0A])
    }

    /// The default format: `<id> [<path>] (<author> <date> <line>) <text>`.
    func human() throws {
        let out = io.out
        let hexLength = repository.algorithm.hexLength
        var length = hexLength
        if !options.longIDs {
            length = 0
            // The history module's abbreviator lists the objects once for many ids.
            let abbreviator = Abbreviator(repository: repository)
            for id in Set(result.entries.map(\.commit)) {
                let minimum = options.abbrev.map { max(4, $0) }
                let unique: Int
                if id.isNull {
                    unique = minimum ?? 7
                } else if let minimum {
                    unique = try repository.abbreviate(id, minimum: minimum).count
                } else {
                    unique = try abbreviator.abbreviate(id).count
                }
                length = max(length, unique)
            }
            length = min(hexLength, length + 1)
        }
        let showName = options.showName || result.entries.contains { $0.path != result.path }
        let nameWidth = result.entries.map(\.path.count).max() ?? 0
        let lastLine = result.entries.map(\.finalEnd).max() ?? 0
        let numberWidth = String(lastLine).count
        let sourceWidth = String(result.entries.map { $0.sourceStart + $0.count }.max() ?? 0).count
        var authors: [ObjectID: String] = [:]
        var authorWidth = 0
        for (id, info) in result.commits {
            let who = options.showEmail
                ? "<" + String(decoding: info.author.email, as: UTF8.self) + ">"
                : String(decoding: info.author.name, as: UTF8.self)
            authors[id] = who
            authorWidth = max(authorWidth, who.count)
        }
        for entry in result.entries {
            guard let info = result.commits[entry.commit] else { continue }
            let hex = entry.commit.hex
            let id = info.isBoundary ? "^" + hex.prefix(length - 1) : String(hex.prefix(length))
            var head = id
            if showName {
                head += " "
                let name = String(decoding: entry.path, as: UTF8.self)
                head += name + String(repeating: " ", count: max(0, nameWidth - entry.path.count))
            }
            let who = authors[entry.commit] ?? ""
            let details = options.suppressAuthor
                ? ""
                : "(" + who + String(repeating: " ", count: max(0, authorWidth - who.count)) + " "
                    + (try DateStyle.iso.format(time: info.author.time, offset: info.author.offset)) + " "
            for k in 0..<entry.count {
                let number = String(entry.finalStart + k + 1)
                out.write(head)
                if options.showNumber {
                    let source = String(entry.sourceStart + k + 1)
                    out.write(" " + String(repeating: " ", count: sourceWidth - source.count) + source)
                }
                out.write(options.suppressAuthor ? " " : " " + details)
                out.write(String(repeating: " ", count: numberWidth - number.count) + number + ") ")
                writeLine(entry.finalStart + k)
            }
        }
        out.flush()
    }
}
