import Foundation
import PfadObjects
import PfadStore

/// `git rm`: removes paths from the index and (unless `cached`) from the
/// work tree, refusing to lose changes that exist nowhere else.
public struct RemoveOperation {
    public let repository: Repository

    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// How to remove.
    public struct Options: Sendable {
        public var cached = false
        public var recursive = false
        public var force = false
        public var ignoreUnmatch = false
        public init() {}
    }

    /// Removes what `pathspec` matches; returns the removed paths in index order.
    /// - Throws: `pathspecDidNotMatch`, or an error naming files with local or
    ///   staged changes that removing would lose.
    public func run(_ pathspec: Pathspec, options: Options) throws -> [[UInt8]] {
        let workTree = try repository.requireWorkTree("rm")
        let lock = try LockFile.acquire(for: repository.indexPath)
        var index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        var matched = [Bool](repeating: false, count: pathspec.patterns.count)
        var targets: [IndexEntry] = []
        for entry in index.entries where pathspec.matches(entry.path) {
            for i in pathspec.patterns.indices where pathspec.matches(entry.path, element: i) {
                matched[i] = true
                let pattern = pathspec.patterns[i]
                if entry.path != pattern && !options.recursive && !Pathspec.hasGlob(pattern) {
                    throw RepositoryError.other("not removing '\(pathspec.originals[i])' recursively without -r")
                }
            }
            if targets.last?.path != entry.path { targets.append(entry) }
        }
        if !options.ignoreUnmatch, let missing = matched.firstIndex(of: false) {
            throw RepositoryError.pathspecDidNotMatch(pathspec.originals[missing])
        }
        if !options.force { try checkSafety(targets, workTree: workTree, cached: options.cached) }
        for entry in targets { _ = index.remove(path: entry.path) }
        try lock.write(index.serialized(algorithm: repository.algorithm))
        try lock.commit()
        if !options.cached {
            for entry in targets {
                let full = WorkTreeFiles.fullPath(workTree, entry.path)
                if unlink(full) == 0 { removeEmptyParents(of: entry.path, workTree: workTree) }
            }
        }
        return targets.map(\.path)
    }

    /// git's checks: staged content different from both HEAD and the file is
    /// always refused; without `--cached`, so are staged changes and local
    /// modifications.
    private func checkSafety(_ targets: [IndexEntry], workTree: String, cached: Bool) throws {
        let head = try HeadInfo.read(repository)
        let headTree = try head.commit.map { try repository.readCommit($0).tree }
        for entry in targets where entry.stage == 0 {
            let inHead = try headTree.flatMap { try repository.entry(at: entry.path, inTree: $0) }
            let stagedDiffers = inHead.map { $0.id != entry.id || $0.mode.rawValue != entry.mode } ?? true
            let full = WorkTreeFiles.fullPath(workTree, entry.path)
            var fileDiffers = false
            if let stat = StatData.of(path: full) {
                let mode = WorkTreeFiles.gitMode(stMode: stat.mode)
                if !entry.matches(stat: stat) || mode.rawValue != entry.mode {
                    let content = try WorkTreeFiles.content(at: full, isSymlink: mode == .symlink)
                    fileDiffers = repository.algorithm.objectID(type: .blob, content: content) != entry.id || mode.rawValue != entry.mode
                }
            }
            let path = String(decoding: entry.path, as: UTF8.self)
            if stagedDiffers && fileDiffers {
                throw RepositoryError.other("the following file has staged content different from both the file and the HEAD: \(path) (use -f to force removal)")
            }
            if !cached && stagedDiffers {
                throw RepositoryError.other("the following file has changes staged in the index: \(path) (use --cached to keep the file, or -f to force removal)")
            }
            if !cached && fileDiffers {
                throw RepositoryError.other("the following file has local modifications: \(path) (use --cached to keep the file, or -f to force removal)")
            }
        }
    }

    /// Removes folders left empty by a removal, up to the work tree root.
    private func removeEmptyParents(of path: [UInt8], workTree: String) {
        var parts = path.split(separator: 0x2F).map(Array.init)
        parts.removeLast()
        while !parts.isEmpty {
            let dir = WorkTreeFiles.fullPath(workTree, Array(parts.joined(separator: [0x2F])))
            if rmdir(dir) != 0 { return }
            parts.removeLast()
        }
    }
}
