import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad verify-pack`: re-indexes each pack, checks it against its `.idx`,
/// and with `-v`/`-s` lists objects and the delta-chain histogram as git does.
struct VerifyPackCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-pack",
        abstract: "Validate packed archive files.",
        usage: "pfad verify-pack [-v | --verbose] [-s | --stat-only] <pack>.idx...")

    @Flag(name: [.customShort("v"), .customLong("verbose")], help: "List each object and the chain histogram.")
    var verbose = false

    @Flag(name: [.customShort("s"), .customLong("stat-only")], help: "Only the chain histogram.")
    var statOnly = false

    @Argument(help: "The pack index files (or pack files).")
    var packs: [String] = []

    func run(_ io: CommandIO) throws {
        let algorithm = (try? CommandContext.repository(io))?.algorithm ?? .sha1
        var failed = false
        for name in packs {
            let base = name.hasSuffix(".idx") ? String(name.dropLast(4)) : name.hasSuffix(".pack") ? String(name.dropLast(5)) : name
            do {
                try verify(base: base, algorithm: algorithm, io)
            } catch {
                io.raw("fatal: \(error)")
                if verbose { io.out.line("\(base).pack: bad") }
                failed = true
            }
            io.out.flush()
        }
        if failed { throw CommandExit(1) }
    }

    private func verify(base: String, algorithm: HashAlgorithm, _ io: CommandIO) throws {
        guard let mapped = try MappedFile(path: base + ".pack") else {
            throw FatalError("cannot open packfile '\(base).pack': No such file or directory")
        }
        guard let existing = try MappedFile(path: base + ".idx") else {
            throw FatalError("Cannot open existing pack idx file for '\(base).idx'")
        }
        let indexed = try PackIndexer(algorithm: algorithm, path: base + ".pack").index(mapped.bytes)
        let index = try PackIndex(file: existing, algorithm: algorithm)
        let rebuilt = try PackIndexWriter.write(
            entries: indexed.indexEntries, packChecksum: indexed.checksum, algorithm: algorithm, version: index.version)
        guard rebuilt.elementsEqual(existing.bytes) else {
            throw FatalError("the index '\(base).idx' does not match its pack")
        }
        guard verbose || statOnly else { return }
        var histogram: [Int: Int] = [:]
        for object in indexed.objects {
            histogram[object.depth, default: 0] += 1
            guard !statOnly else { continue }
            let type = object.type.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
            var line = "\(object.id.hex) \(type) \(object.entrySize) \(object.storedLength) \(object.offset)"
            if let baseID = object.base { line += " \(object.depth) \(baseID.hex)" }
            io.out.line(line)
        }
        func plural(_ n: Int) -> String { n == 1 ? "object" : "objects" }
        if let whole = histogram[0], whole > 0 { io.out.line("non delta: \(whole) \(plural(whole))") }
        for depth in histogram.keys.sorted() where depth > 0 {
            let n = histogram[depth] ?? 0
            io.out.line("chain length = \(depth): \(n) \(plural(n))")
        }
        if verbose { io.out.line("\(base).pack: ok") }
    }
}
