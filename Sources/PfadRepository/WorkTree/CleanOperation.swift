import Foundation

/// `git clean`: removes untracked files from the work tree — by default
/// only files that are not ignored and not inside an untracked folder;
/// with `directories` whole untracked folders too; with `includeIgnored`
/// (`-x`) ignored files as well. Nested repositories are never removed.
/// Tracked files are never touched.
public struct CleanOperation {
    /// The repository cleaned.
    public let repository: Repository

    /// A clean of `repository`'s work tree.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// What to remove.
    public struct Options: Sendable {
        /// `-d`: untracked folders too.
        public var directories = false
        /// `-x`: ignored files too.
        public var includeIgnored = false
        /// `-n`: only say what would go.
        public var dryRun = false
        /// Only paths these pathspecs match (all when nil).
        public var pathspec: Pathspec?

        /// git's defaults (files only, ignore rules honoured).
        public init() {}
    }

    /// One path removed (or, in a dry run, to be removed).
    public struct Removal: Sendable, Equatable {
        /// The path in the work tree, without a trailing slash.
        public var path: [UInt8]
        /// A whole folder.
        public var isDirectory: Bool
    }

    /// Removes (or lists, with `dryRun`) the untracked paths, in the work
    /// tree's order. I/O: one scan of the work tree, one removal per path.
    /// - Throws: `RepositoryError.bareRepository`, index and I/O errors.
    public func run(_ options: Options) throws -> [Removal] {
        let workTree = try repository.requireWorkTree("clean")
        let index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        let entries = try WorkTreeScan(repository: repository, workTree: workTree)
            .untrackedEntries(tracked: index.trackedPaths, includeIgnored: options.includeIgnored)
        var removals: [Removal] = []
        for entry in entries {
            let isDirectory = entry.kind == .directory
            guard entry.kind != .repository, !isDirectory || options.directories else { continue }
            if let pathspec = options.pathspec, !pathspec.matches(entry.path) { continue }
            removals.append(Removal(path: entry.path, isDirectory: isDirectory))
            guard !options.dryRun else { continue }
            let full = workTree + "/" + String(decoding: entry.path, as: UTF8.self)
            do {
                try FileManager.default.removeItem(atPath: full)
            } catch {
                throw RepositoryError.other("failed to remove \(String(decoding: entry.path, as: UTF8.self))")
            }
        }
        return removals
    }
}
