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

    /// A gc of `repository` with git's default repack options
    /// (`--aggressive` raises the window to 250, as git).
    public init(_ repository: Repository, aggressive: Bool = false) {
        self.repository = repository
        var options = RepackOperation.Options()
        if aggressive {
            options.window = 250
            options.depth = 50
        }
        self.repack = options
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
