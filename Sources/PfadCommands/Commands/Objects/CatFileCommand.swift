import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad cat-file`: show an object's type, size or content, or answer
/// requests in batch from standard input.
struct CatFileCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat-file",
        abstract: "Show the type, size or content of objects.",
        usage: """
            pfad cat-file (-t | -s | -e | -p) <object>
            pfad cat-file <type> <object>
            pfad cat-file (--batch | --batch-check)[=<format>] [--batch-all-objects]
            """)

    @Flag(name: .customShort("t"), help: "Show the object's type.")
    var showType = false

    @Flag(name: .customShort("s"), help: "Show the object's size.")
    var showSize = false

    @Flag(name: .customShort("e"), help: "Exit with status 0 if the object exists and is valid.")
    var exists = false

    @Flag(name: .customShort("p"), help: "Pretty-print the object's content.")
    var pretty = false

    /// Default batch output format (`--batch` and `--batch-check` without `=`).
    static let defaultBatchFormat = "%(objectname) %(objecttype) %(objectsize)"

    @Option(name: .customLong("batch"), help: "Print id, type, size and content for each object named on standard input.")
    var batchFormat: String?

    @Option(name: .customLong("batch-check"), help: "Print id, type and size for each object named on standard input.")
    var batchCheckFormat: String?

    @Flag(name: .customLong("batch-all-objects"), help: "With --batch or --batch-check: every object in the repository.")
    var allObjects = false

    @Argument(help: "<type> <object>, or <object> with -t/-s/-e/-p.")
    var arguments: [String] = []

    func validate() throws {
        let modes = [showType, showSize, exists, pretty].filter { $0 }.count
        let batching = batchFormat != nil || batchCheckFormat != nil
        if batching && (modes > 0 || !arguments.isEmpty) { throw ValidationError("--batch cannot be combined with other modes") }
        if !batching && modes == 0 && arguments.count != 2 { throw ValidationError("expected <type> <object>") }
        if !batching && modes > 0 && arguments.count != 1 { throw ValidationError("expected one object") }
        if modes > 1 { throw ValidationError("only one of -t, -s, -e, -p") }
    }

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        if batchFormat != nil || batchCheckFormat != nil {
            let withContent = batchFormat != nil
            let format = batchFormat ?? batchCheckFormat ?? Self.defaultBatchFormat
            try BatchPrinter(repository: repository, format: format, withContent: withContent, io: io).run(allObjects: allObjects)
            return
        }
        let name = arguments.last ?? ""
        if exists {
            guard let id = try? RevisionParser(repository).resolve(name), (try? repository.objects.read(id)) != nil else {
                throw CommandExit(1)
            }
            return
        }
        let id = try CommandContext.object(name, in: repository)
        if showType {
            io.out.line(try repository.objectType(id).rawValue)
        } else if showSize {
            guard let header = try repository.objects.readHeader(id) else { throw FatalError("Not a valid object name \(name)") }
            io.out.line(String(header.size))
        } else if pretty {
            let object = try repository.readObject(id)
            if object.type == .tree {
                try TreeLister(repository: repository, io: io).list(id, paths: [])
            } else {
                io.out.write(object.content)
            }
        } else {
            guard let wanted = ObjectType(rawValue: arguments[0]) else {
                throw FatalError("invalid object type \"\(arguments[0])\"")
            }
            guard let peeled = try repository.peel(id, to: wanted) else {
                throw FatalError("git cat-file \(name): bad file")
            }
            io.out.write(try repository.readObject(peeled).content)
        }
    }
}

/// The `--batch`/`--batch-check` loop with git's format atoms.
struct BatchPrinter {
    let repository: Repository
    let format: String
    let withContent: Bool
    let io: CommandIO

    func run(allObjects: Bool) throws {
        if allObjects {
            for id in try repository.objects.allObjectIDs() {
                try emit(id: id, rest: "")
            }
            return
        }
        let parser = RevisionParser(repository)
        let input = CommandContext.readStandardInput()
        let usesRest = format.contains("%(rest)")
        for rawLine in input.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(input.last == 0x0A ? 1 : 0) {
            var line = String(decoding: rawLine, as: UTF8.self)
            var rest = ""
            if usesRest, let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) {
                rest = String(line[line.index(after: space)...])
                line = String(line[..<space])
            }
            let id: ObjectID?
            do {
                id = try parser.resolve(line)
            } catch RepositoryError.ambiguousRevision {
                io.out.line("\(line) ambiguous")
                continue
            }
            guard let id, repository.objects.contains(id) else {
                io.out.line("\(line) missing")
                continue
            }
            try emit(id: id, rest: rest)
        }
    }

    private func emit(id: ObjectID, rest: String) throws {
        var object: RawObject?
        var header: (type: ObjectType, size: Int)?
        if withContent {
            object = try repository.readObject(id)
            header = object.map { ($0.type, $0.content.count) }
        } else {
            header = try repository.objects.readHeader(id)
        }
        guard let header else { throw RepositoryError.missingObject(id) }
        if format == CatFileCommand.defaultBatchFormat {
            // The default format, without parsing it for every object.
            var line = id.hexBytes
            line.append(0x20)
            line += header.type.nameBytes
            line.append(0x20)
            line += String(header.size).utf8
            line.append(0x0A)
            io.out.write(line)
        } else {
            io.out.write(expand(id: id, type: header.type, size: header.size, rest: rest))
            io.out.write([0x0A])
        }
        if let object {
            io.out.write(object.content)
            io.out.write([0x0A])
        }
    }

    /// Replaces `%(objectname)`, `%(objecttype)`, `%(objectsize)`, `%(rest)`
    /// and `%(deltabase)` (always the null id for loose objects).
    private func expand(id: ObjectID, type: ObjectType, size: Int, rest: String) -> String {
        var out = ""
        var remaining = Substring(format)
        while let start = remaining.range(of: "%(") {
            out += remaining[..<start.lowerBound]
            guard let end = remaining[start.upperBound...].firstIndex(of: ")") else {
                out += remaining[start.lowerBound...]
                remaining = ""
                break
            }
            let atom = remaining[start.upperBound..<end]
            switch atom {
            case "objectname": out += id.hex
            case "objecttype": out += type.rawValue
            case "objectsize": out += String(size)
            case "rest": out += rest
            case "deltabase": out += repository.algorithm.nullID.hex
            default: out += "%(\(atom))"
            }
            remaining = remaining[remaining.index(after: end)...]
        }
        return out + remaining
    }
}
