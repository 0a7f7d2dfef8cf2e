import Foundation
import PfadObjects
import PfadStore

/// `git gc` as pfad does it (`Documentation/git-gc.txt`): pack the refs,
/// `repack -a -d` with git's window and depth, then remove the empty
/// `objects/xx` folders. Unlike git, nothing unreachable is pruned: loose
/// objects no ref reaches stay where they are (see `Spec/pack-writing.md`).
public struct GcOperation {
    /// The repository to clean up.
    public let repository: Repository
    /// Options handed to the repack step.
    public var repack: RepackOperation.Options

    /// What gc did.
    public struct Report: Sendable {
        /// Loose refs moved into `packed-refs`.
        public var packedRefs = 0
        /// The repack step's report.
        public var repack = RepackOperation.Report()
        /// Empty `objects/xx` folders removed.
        public var removedFolders = 0
    }

    /// A gc of `repository` with git's repack options (`pack.window`,
    /// `pack.depth`, … from the configuration; `--aggressive` uses
    /// `gc.aggressiveWindow`/`gc.aggressiveDepth`, default 250 and 50, as git).
    /// - Throws: `StoreError.invalidConfigValue` for non-numeric settings.
    public init(_ repository: Repository, aggressive: Bool = false) throws {
        self.repository = repository
        var options = try RepackOperation.Options(settings: repository.settings)
        if aggressive {
            options.window = max(try repository.settings.getInt("gc.aggressivewindow") ?? 250, 0)
            options.depth = max(try repository.settings.getInt("gc.aggressivedepth") ?? 50, 0)
        }
        self.repack = options
    }

    /// `gc --auto`'s test (`Documentation/git-gc.txt`): true when the loose
    /// objects probably exceed `gc.auto` (default 6700; estimated from the
    /// `objects/17` folder × 256, as git does) or the packs exceed
    /// `gc.autoPackLimit` (default 50). `gc.auto = 0` disables it.
    /// I/O: lists one object folder and the pack folder.
    public static func isNeeded(_ repository: Repository) throws -> Bool {
        let limit = try repository.settings.getInt("gc.auto") ?? 6700
        guard limit > 0 else { return false }
        let objects = repository.objects.objectsDirectory
        let sample = ((try? FileManager.default.contentsOfDirectory(atPath: objects + "/17")) ?? [])
            .filter { $0.utf8.count == repository.algorithm.hexLength - 2 }.count
        if sample * 256 > limit { return true }
        let packLimit = try repository.settings.getInt("gc.autopacklimit") ?? 50
        let packs = ((try? FileManager.default.contentsOfDirectory(atPath: objects + "/pack")) ?? [])
            .filter { $0.hasPrefix("pack-") && $0.hasSuffix(".idx") && !FileManager.default.fileExists(
                atPath: objects + "/pack/" + $0.dropLast(4) + ".keep") }.count
        return packLimit > 0 && packs > packLimit
    }

    /// Runs ref packing, repack and folder clean-up, in that order.
    /// I/O: see `RefPacking.packAll` and `RepackOperation.run`.
    public func run(progress: (@Sendable (RepackOperation.Progress) -> Void)? = nil) throws -> Report {
        var report = Report()
        report.packedRefs = try RefPacking.packAll(repository)
        report.repack = try RepackOperation(repository, options: repack).run(progress: progress)
        report.removedFolders = Self.removeEmptyFanoutFolders(repository.objects.objectsDirectory)
        return report
    }

    /// Removes every empty `objects/xx` folder; returns how many.
    static func removeEmptyFanoutFolders(_ objectsDirectory: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: objectsDirectory)) ?? []
        var removed = 0
        for name in names where name.utf8.count == 2 && name.utf8.allSatisfy({ Hex.value(of: $0) != nil }) {
            if rmdir(objectsDirectory + "/" + name) == 0 { removed += 1 }
        }
        return removed
    }
}
