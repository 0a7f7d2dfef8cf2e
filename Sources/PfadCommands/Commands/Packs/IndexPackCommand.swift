import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad index-pack`: builds the `.idx` for a pack file, or stores a pack
/// received on standard input in the repository (`--stdin`, `--fix-thin`).
struct IndexPackCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "index-pack",
        abstract: "Build the index file for a packed archive.",
        usage: """
            pfad index-pack [-o <index-file>] <pack-file>
            pfad index-pack --stdin [--fix-thin] [-o <index-file>] [<pack-file>]
            """)

    @Option(name: .customShort("o"), help: "Write the index to this file.")
    var indexFile: String?

    @Flag(name: .customLong("stdin"), help: "Read the pack from standard input and store it in the repository.")
    var standardInput = false

    @Flag(name: .customLong("fix-thin"), help: "Append missing delta bases found in the repository (with --stdin).")
    var fixThin = false

    @Option(name: .customLong("index-version"), help: "Index format version (1 or 2).")
    var indexVersion: String?

    @Argument(help: "The pack file.")
    var packFile: String?

    func run(_ io: CommandIO) throws {
        if fixThin && !standardInput { throw UsageError("--fix-thin cannot be used without --stdin") }
        let version = try parsedVersion()
        if standardInput {
            try runFromStandardInput(version: version, io)
            return
        }
        guard let packFile else { throw UsageError("usage: pfad index-pack [-o <index-file>] <pack-file>") }
        guard packFile.hasSuffix(".pack") || indexFile != nil else {
            throw FatalError("packfile name '\(packFile)' does not end with '.pack'")
        }
        let repository = try? CommandContext.repository(io)
        let algorithm = repository?.algorithm ?? .sha1
        guard let mapped = try MappedFile(path: packFile) else {
            throw FatalError("cannot open packfile '\(packFile)': No such file or directory")
        }
        let indexed = try PackIndexer(algorithm: algorithm, path: packFile).index(mapped.bytes)
        let target = indexFile ?? String(packFile.dropLast(5)) + ".idx"
        let bytes = try PackIndexWriter.write(
            entries: indexed.indexEntries, packChecksum: indexed.checksum, algorithm: algorithm, version: version,
            largeOffsetLimit: try largeOffsetLimit())
        try AtomicFile.write(bytes, to: target, mode: 0o444)
        io.out.line(indexed.checksum.hex)
    }

    private func parsedVersion() throws -> Int {
        guard let indexVersion else { return 2 }
        let number = indexVersion.split(separator: ",").first.flatMap { Int($0) }
        guard let number, number == 1 || number == 2 else { throw FatalError("bad index version '\(indexVersion)'") }
        return number
    }

    /// The offset limit after the comma of `--index-version=2,<limit>` (decimal or 0x hex).
    private func largeOffsetLimit() throws -> UInt64 {
        guard let indexVersion, let comma = indexVersion.firstIndex(of: ",") else { return PackIndexWriter.offset32Limit }
        let text = indexVersion[indexVersion.index(after: comma)...]
        let value = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
        guard let value else { throw FatalError("bad index version '\(indexVersion)'") }
        return value
    }

    private func runFromStandardInput(version: Int, _ io: CommandIO) throws {
        guard let repository = try? CommandContext.repository(io) else {
            throw FatalError("--stdin requires a git repository")
        }
        let input = CommandContext.readStandardInput()
        let objects = repository.objects
        let indexed = try input.withUnsafeBytes { raw in
            try PackIndexer(algorithm: repository.algorithm, path: packFile ?? "<stdin>")
                .index(raw, fixThin: fixThin, externalBase: { try objects.read($0) })
        }
        let packBytes = indexed.fixedPack ?? input
        let index = try PackIndexWriter.write(
            entries: indexed.indexEntries, packChecksum: indexed.checksum, algorithm: repository.algorithm, version: version,
            largeOffsetLimit: try largeOffsetLimit())
        let installer = PackInstaller(packDirectory: repository.gitDirectory + "/objects/pack")
        let canonical = installer.paths(for: indexed.checksum)
        let packPath = packFile ?? canonical.pack
        let indexPath =
            indexFile ?? packFile.map { ($0.hasSuffix(".pack") ? String($0.dropLast(5)) : $0) + ".idx" } ?? canonical.index
        let packTemp = try PackInstaller.stage(packBytes, nextTo: packPath, prefix: "tmp_pack_")
        let indexTemp: String
        do {
            indexTemp = try PackInstaller.stage(index, nextTo: indexPath, prefix: "tmp_idx_")
        } catch {
            try? FileManager.default.removeItem(atPath: packTemp)
            throw error
        }
        _ = try PackInstaller.install(temporaryPack: packTemp, temporaryIndex: indexTemp, packPath: packPath, indexPath: indexPath)
        io.out.line("pack\t\(indexed.checksum.hex)")
    }
}
