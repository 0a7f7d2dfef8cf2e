import Foundation
import PfadObjects
import PfadStore

/// `git repack -a -d`: writes every reachable object into one new pack with
/// delta compression, then removes the loose copies of what was packed and
/// (with `deleteRedundant`) the old packs whose objects are all in the new
/// one.
///
/// Safety rules (see `Spec/pack-writing.md`): the new pack and its index are
/// complete and fsynced before anything is deleted; unreachable loose objects
/// are never deleted; an old pack is deleted only when every object it holds
/// is in the new pack.
public struct RepackOperation {
    /// The repository to repack.
    public let repository: Repository
    /// The knobs.
    public var options: Options

    /// What `repack` may do.
    public struct Options: Sendable {
        /// Objects tried as delta bases per object (`--window`, default 10).
        public var window = 10
        /// Longest delta chain (`--depth`, default 50).
        public var depth = 50
        /// Delete redundant packs and the packed loose objects (`-d`).
        public var deleteRedundant = true
        /// zlib level for pack entries (`pack.compression`, default -1).
        public var compressionLevel: Int32 = Zlib.defaultLevel
        /// Delta-search threads; 0 = one per core (`pack.threads`).
        public var threads = 0

        /// git's defaults for `repack -a -d`.
        public init() {}

        /// git's defaults overridden by `pack.window`, `pack.depth`,
        /// `pack.threads` and `pack.compression` (else `core.compression`).
        /// - Throws: `StoreError.invalidConfigValue` for values that are not numbers.
        public init(settings: ConfigStack) throws {
            if let window = try settings.getInt("pack.window") { self.window = max(window, 0) }
            if let depth = try settings.getInt("pack.depth") { self.depth = max(depth, 0) }
            if let threads = try settings.getInt("pack.threads") { self.threads = max(threads, 0) }
            if let level = try settings.getInt("pack.compression") ?? settings.getInt("core.compression"), (-1...9).contains(level) {
                compressionLevel = Int32(level)
            }
        }
    }

    /// The phases reported to a progress callback.
    public enum Progress: Sendable {
        /// Objects found so far.
        case enumerating(Int)
        /// Delta search: objects done of total.
        case compressing(done: Int, total: Int)
        /// Objects written (the pack is written in one go: reported at the end).
        case writing(done: Int, total: Int)
    }

    /// What happened.
    public struct Report: Sendable {
        /// The new pack, nil when there was nothing to pack.
        public var packPath: String?
        /// Objects in the new pack.
        public var objectCount = 0
        /// Of those, how many are stored as deltas.
        public var deltaCount = 0
        /// Size of the new pack file.
        public var packBytes: UInt64 = 0
        /// Loose object files removed because the pack holds them.
        public var removedLooseObjects = 0
        /// Old packs removed (`.pack` with its `.idx` and companions).
        public var removedPacks: [String] = []
    }

    /// An operation on `repository` with `options`.
    public init(_ repository: Repository, options: Options = Options()) {
        self.repository = repository
        self.options = options
    }

    /// Runs the repack. I/O: reads every reachable object once, writes one
    /// pack and one index, unlinks the packed loose files.
    /// - Throws: `RepositoryError.missingObject` when history is incomplete,
    ///   `StoreError` for I/O failures (nothing is deleted then).
    public func run(progress: (@Sendable (Progress) -> Void)? = nil) throws -> Report {
        let objectsDirectory = repository.objects.objectsDirectory
        let packDirectory = objectsDirectory + "/pack"
        let reachable = try ReachableObjects(repository, read: { try repository.objects.read($0) }) { count in
            progress?(.enumerating(count))
        }
        var report = Report()
        let oldPacks = try repository.objects.packed.packs()
        var objects = reachable.objects
        // Packed objects no ref reaches join the new pack (git's
        // --keep-unreachable), so every old pack becomes redundant.
        var included = Set(objects.map(\.id))
        for old in oldPacks where !Self.isKept(old.basePath) {
            for i in 0..<old.index.count {
                let id = old.index.id(at: i)
                guard included.insert(id).inserted else { continue }
                guard let raw = try repository.objects.read(id) else { throw RepositoryError.missingObject(id) }
                objects.append(ReachableObjects.Object(id: id, raw: raw, path: []))
            }
        }
        guard !objects.isEmpty else { return report }

        let search = DeltaSearch(
            window: options.window, depth: options.depth,
            hashLength: repository.algorithm.digestLength, threads: options.threads)
        let candidates = objects.map { DeltaSearch.Candidate(type: $0.raw.type, content: $0.raw.content, path: $0.path) }
        let total = candidates.count
        progress?(.compressing(done: 0, total: total))
        let choices = search.run(candidates) { done in progress?(.compressing(done: done, total: total)) }
        var entries: [PackEntry] = []
        entries.reserveCapacity(objects.count)
        for (object, choice) in zip(objects, choices) {
            entries.append(PackEntry(id: object.id, type: object.raw.type, content: object.raw.content, delta: choice))
        }
        let writer = PackWriter(algorithm: repository.algorithm, compressionLevel: options.compressionLevel)
        let installed = try PackInstaller(packDirectory: packDirectory).write(
            entries, order: Array(entries.indices), writer: writer)
        progress?(.writing(done: entries.count, total: entries.count))
        report.packPath = installed.packPath
        report.objectCount = entries.count
        report.deltaCount = choices.filter { $0 != nil }.count
        report.packBytes = installed.pack.byteCount

        guard options.deleteRedundant else { return report }
        for id in included {
            if unlink(repository.objects.loose.path(for: id)) == 0 { report.removedLooseObjects += 1 }
        }
        report.removedPacks = removeRedundantPacks(oldPacks, keeping: installed.packPath, packed: included)
        return report
    }

    /// True if the pack at `basePath` has a `.keep` file (never repacked away).
    static func isKept(_ basePath: String) -> Bool {
        FileManager.default.fileExists(atPath: basePath + ".keep")
    }

    /// Deletes every old pack whose objects are all in `packed` and that
    /// has no `.keep` file: first the `.idx` (the pack stops being used),
    /// then the pack and its companions.
    private func removeRedundantPacks(_ oldPacks: [LoadedPack], keeping newPack: String, packed: Set<ObjectID>) -> [String] {
        var removed: [String] = []
        for old in oldPacks.sorted(by: { $0.basePath < $1.basePath }) {
            let base = old.basePath
            guard base + ".pack" != newPack, !Self.isKept(base) else { continue }
            guard (0..<old.index.count).allSatisfy({ packed.contains(old.index.id(at: $0)) }) else { continue }
            unlink(base + ".idx")
            for suffix in [".pack", ".rev", ".bitmap", ".promisor", ".mtimes"] { unlink(base + suffix) }
            removed.append(base + ".pack")
        }
        return removed
    }
}
