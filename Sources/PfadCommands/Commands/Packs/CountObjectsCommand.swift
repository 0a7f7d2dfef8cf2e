import ArgumentParser
import Foundation
import PfadObjects
import PfadRepository
import PfadStore

/// `pfad count-objects`: loose object count and disk use; with `-v` also
/// packs, packed objects, loose objects already packed, and garbage files.
struct CountObjectsCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "count-objects",
        abstract: "Count unpacked objects and their disk consumption.",
        usage: "pfad count-objects [-v] [-H | --human-readable]")

    @Flag(name: [.customShort("v"), .customLong("verbose")], help: "Also report packs and garbage.")
    var verbose = false

    @Flag(name: [.customShort("H"), .customLong("human-readable")], help: "Sizes in human-readable units.")
    var human = false

    /// Pack-folder files git recognises beside `.pack` and `.idx`.
    static let packCompanions: Set<String> = ["keep", "bitmap", "promisor", "rev", "mtimes"]

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let objectsPath = repository.gitDirectory + "/objects"
        let shown = Self.displayPath(repository)
        var garbage = 0
        var garbageBytes: Int64 = 0
        var looseCount = 0
        var looseBytes: Int64 = 0
        var packable = 0
        let packed = repository.objects.packed
        // Pack folder first, as git reports its garbage first.
        var packCount = 0
        var packObjects = 0
        var packBytes: Int64 = 0
        if verbose {
            for pack in try packed.packs() {
                packCount += 1
                packObjects += pack.index.count
                packBytes += Int64(pack.pack.file.count + pack.index.file.count)
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: objectsPath + "/pack")) ?? []).sorted()
            let set = Set(names)
            for name in names {
                var info = stat()
                let full = objectsPath + "/pack/" + name
                guard lstat(full, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { continue }
                let parts = name.split(separator: ".", omittingEmptySubsequences: false)
                let stem = parts.dropLast().joined(separator: ".")
                let ext = parts.count > 1 ? String(parts[parts.count - 1]) : ""
                var problem: String?
                if !name.hasPrefix("pack-") || !(ext == "pack" || ext == "idx" || Self.packCompanions.contains(ext)) {
                    problem = "garbage found"
                } else if ext == "pack", !set.contains(stem + ".idx") {
                    problem = "no corresponding .idx"
                } else if ext == "idx", !set.contains(stem + ".pack") {
                    problem = "no corresponding .pack"
                }
                if let problem {
                    io.warning("\(problem): \(shown)/pack/\(name)")
                    garbage += 1
                    garbageBytes += Int64(info.st_size)
                }
            }
        }
        for fanout in ((try? FileManager.default.contentsOfDirectory(atPath: objectsPath)) ?? []).sorted()
        where fanout.utf8.count == 2 && Hex.isHex(fanout) {
            let directory = objectsPath + "/" + fanout
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted() {
                var info = stat()
                guard lstat(directory + "/" + name, &info) == 0 else { continue }
                if let id = ObjectID(hex: fanout + name), id.algorithm == repository.algorithm {
                    looseCount += 1
                    looseBytes += Int64(info.st_blocks) * 512
                    if verbose, packed.contains(id) { packable += 1 }
                } else if verbose {
                    io.warning("garbage found: \(shown)/\(fanout)/\(name)")
                    garbage += 1
                    garbageBytes += Int64(info.st_size)
                }
            }
        }
        if verbose {
            io.out.line("count: \(looseCount)")
            io.out.line("size: \(size(looseBytes))")
            io.out.line("in-pack: \(packObjects)")
            io.out.line("packs: \(packCount)")
            io.out.line("size-pack: \(size(packBytes))")
            io.out.line("prune-packable: \(packable)")
            io.out.line("garbage: \(garbage)")
            io.out.line("size-garbage: \(size(garbageBytes))")
        } else {
            io.out.line("\(looseCount) objects, \(human ? Self.humanSize(looseBytes) : "\(looseBytes / 1024) kilobytes")")
        }
    }

    private func size(_ bytes: Int64) -> String {
        human ? Self.humanSize(bytes) : String(bytes / 1024)
    }

    /// Sizes as git's `-H` prints them: above 1 GiB, 1 MiB or 1 KiB the value
    /// in that unit with two decimals (KiB and MiB rounded to the nearest
    /// hundredth, GiB truncated, as observed with git 2.39), else bytes.
    static func humanSize(_ bytes: Int64) -> String {
        func format(_ whole: Int64, _ hundredths: Int64, _ unit: String) -> String {
            "\(whole).\(hundredths < 10 ? "0" : "")\(hundredths) \(unit)"
        }
        if bytes > 1 << 30 {
            return format(bytes >> 30, (bytes & ((1 << 30) - 1)) / 10_737_419, "GiB")
        }
        for (shift, unit) in [(Int64(20), "MiB"), (Int64(10), "KiB")] where bytes > 1 << shift {
            let scale = Int64(1) << shift
            let rounded = bytes + (scale + 100) / 200
            return format(rounded >> shift, ((rounded & (scale - 1)) * 100) >> shift, unit)
        }
        return "\(bytes) byte\(bytes == 1 ? "" : "s")"
    }

    /// The objects folder as git names it in warnings: relative to the work
    /// tree's top (`.git/objects`) when the git directory is `.git` there.
    static func displayPath(_ repository: Repository) -> String {
        if let workTree = repository.workTree, repository.gitDirectory == workTree + "/.git" { return ".git/objects" }
        return repository.gitDirectory + "/objects"
    }
}
