import ArgumentParser
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad show-ref`: list refs with their ids.
struct ShowRefCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "show-ref",
        abstract: "List refs and the objects they point to.")

    @Flag(help: "Only branches (refs/heads).")
    var heads = false

    @Flag(help: "Only tags (refs/tags).")
    var tags = false

    @Flag(help: "Also show HEAD.")
    var head = false

    @Flag(name: [.customShort("d"), .customLong("dereference")], help: "Also show what annotated tags point to, as NAME^{}.")
    var dereference = false

    @Flag(name: [.customShort("s"), .customLong("hash")], help: "Only print the ids.")
    var hashOnly = false

    @Flag(help: "Require exact full ref names.")
    var verify = false

    @Flag(name: .shortAndLong, help: "Print nothing; only the exit status tells.")
    var quiet = false

    @Argument(help: "Patterns: a ref is shown if its name ends with /PATTERN or equals it.")
    var patterns: [String] = []

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        var rows: [(name: [UInt8], id: ObjectID)] = []
        if verify {
            for pattern in patterns {
                let name = Array(pattern.utf8)
                guard let id = try repository.refs.resolve(name), pattern.hasPrefix("refs/") || pattern == "HEAD" else {
                    if !quiet { throw FatalError("'\(pattern)' - not a valid ref") }
                    throw CommandExit(1)
                }
                rows.append((name, id))
            }
        } else {
            if head, let id = try repository.refs.resolve(Array("HEAD".utf8)) { rows.append((Array("HEAD".utf8), id)) }
            for ref in try repository.refs.all(prefix: Array("refs/".utf8)) {
                if heads || tags {
                    let inHeads = ref.name.starts(with: Array("refs/heads/".utf8))
                    let inTags = ref.name.starts(with: Array("refs/tags/".utf8))
                    if !((heads && inHeads) || (tags && inTags)) { continue }
                }
                if !patterns.isEmpty && !patterns.contains(where: { Self.matches(ref.name, pattern: Array($0.utf8)) }) { continue }
                rows.append((ref.name, ref.id))
            }
        }
        if rows.isEmpty { throw CommandExit(1) }
        if quiet { return }
        for row in rows {
            print(row.id, row.name, io)
            if dereference, try repository.objectType(row.id) == .tag, let peeled = try repository.peel(row.id, to: nil) {
                print(peeled, row.name + Array("^{}".utf8), io)
            }
        }
    }

    private func print(_ id: ObjectID, _ name: [UInt8], _ io: CommandIO) {
        io.out.write(id.hex)
        if !hashOnly {
            io.out.write(" ")
            io.out.write(name)
        }
        io.out.write([0x0A])
    }

    /// git's tail match: the whole name, or a '/'-aligned suffix.
    static func matches(_ name: [UInt8], pattern: [UInt8]) -> Bool {
        if name == pattern { return true }
        guard name.count > pattern.count, name.suffix(pattern.count).elementsEqual(pattern) else { return false }
        return name[name.count - pattern.count - 1] == 0x2F
    }
}
