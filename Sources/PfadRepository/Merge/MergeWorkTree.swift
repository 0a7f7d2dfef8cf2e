import Foundation
import PfadObjects
import PfadStore

/// Brings the index and the work tree from HEAD's tree to a merge result:
/// checks first that nothing local would be lost, then deletes, writes and
/// records the stages git records (1 base, 2 ours, 3 theirs) for conflicts.
///
/// pfad's interim work-tree updater for merges, limited to the paths the
/// merge changes; the checkout machinery of `PfadRepository/Checkout`
/// replaces it once available.
public struct MergeWorkTree {
    /// The repository with a work tree.
    public let repository: Repository

    /// Creates an updater.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// Why a merge cannot touch the work tree.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        /// Staged changes (the index differs from HEAD); git refuses any.
        public var staged: [[UInt8]] = []
        /// Unstaged changes to tracked paths the merge would overwrite.
        public var localChanges: [[UInt8]]
        /// Untracked files in the way of files the merge creates.
        public var untracked: [[UInt8]]
        /// The index holds unmerged entries.
        public var unmergedIndex: Bool

        /// git's first line of the message.
        public var description: String {
            if unmergedIndex { return "Merging is not possible because you have unmerged files." }
            if !localChanges.isEmpty || !staged.isEmpty { return "Your local changes to the following files would be overwritten by merge:" }
            return "The following untracked working tree files would be overwritten by merge:"
        }
    }

    /// Checks the index and work tree against HEAD for `result` without
    /// changing anything.
    /// - Throws: `Refusal` when local changes or untracked files are in the way.
    public func check(_ result: TreeMergeResult, index: IndexFile, headTree: ObjectID?) throws {
        if index.entries.contains(where: { $0.stage != 0 }) {
            throw Refusal(localChanges: [], untracked: [], unmergedIndex: true)
        }
        let workTree = try repository.requireWorkTree("merge")
        let head = try headTree.map { try repository.flattenTree($0) } ?? []
        var headMap: [[UInt8]: FlatTreeEntry] = [:]
        for entry in head { headMap[entry.path] = entry }
        var changed: [[UInt8]] = []
        var untracked: [[UInt8]] = []
        // Staged changes anywhere stop the merge (git requires index == HEAD).
        var indexPaths = Set<[UInt8]>()
        for entry in index.entries {
            indexPaths.insert(entry.path)
            let inHead = headMap[entry.path]
            if inHead?.id != entry.id || inHead?.mode.rawValue != entry.mode { changed.append(entry.path) }
        }
        for entry in head where !indexPaths.contains(entry.path) { changed.append(entry.path) }
        if !changed.isEmpty {
            let staged = Set(changed).sorted { $0.lexicographicallyPrecedes($1) }
            throw Refusal(staged: staged, localChanges: [], untracked: [], unmergedIndex: false)
        }
        for path in result.paths where path.result != path.ours {
            let full = WorkTreeFiles.fullPath(workTree, path.path)
            if let entry = index.entry(path: path.path) {
                if try !matches(entry, at: full) { changed.append(path.path) }
            } else if path.result != nil, StatData.of(path: full) != nil {
                untracked.append(path.path)
            }
        }
        if !changed.isEmpty || !untracked.isEmpty {
            let sortedChanged = Set(changed).sorted { $0.lexicographicallyPrecedes($1) }
            throw Refusal(localChanges: sortedChanged, untracked: untracked, unmergedIndex: false)
        }
    }

    /// True when the file at `full` still has the entry's content and mode.
    func matches(_ entry: IndexEntry, at full: String) throws -> Bool {
        guard let stat = StatData.of(path: full) else { return false }
        if entry.matches(stat: stat) { return true }
        if stat.isDirectory { return false }
        if stat.indexMode(previousMode: entry.mode) != entry.mode { return false }
        let content = try WorkTreeFiles.content(at: full, isSymlink: stat.isSymlink)
        return repository.algorithm.objectID(type: .blob, content: content) == entry.id
    }

    /// Writes `result` to the work tree and returns the new index (stat data
    /// of unchanged paths kept, conflicts as stages 1–3). Call `check` first.
    public func apply(_ result: TreeMergeResult, index: IndexFile) throws -> IndexFile {
        let workTree = try repository.requireWorkTree("merge")
        // Deletions first, so a folder can take the place of a file.
        for path in result.paths where path.result == nil && path.ours != nil {
            try remove(WorkTreeFiles.fullPath(workTree, path.path), workTree: workTree)
        }
        var entries: [IndexEntry] = []
        entries.reserveCapacity(result.paths.count)
        for path in result.paths {
            var written: IndexEntry?
            if let side = path.result {
                if side == path.ours, let old = index.entry(path: path.path) {
                    written = old
                } else {
                    let stat = try place(side, to: WorkTreeFiles.fullPath(workTree, path.path), workTree: workTree)
                    written = IndexEntry(path: path.path, id: side.id, stat: stat, mode: side.mode.rawValue)
                }
            }
            if path.isClean {
                if let written { entries.append(written) }
                continue
            }
            for (stage, side) in [(UInt8(1), path.base), (2, path.ours), (3, path.theirs)] {
                if let side { entries.append(IndexEntry(path: path.path, id: side.id, mode: side.mode.rawValue, stage: stage)) }
            }
        }
        return IndexFile(version: index.version, entries: entries)
    }

    /// Removes a tracked file and the folders it leaves empty.
    func remove(_ full: String, workTree: String) throws {
        if unlink(full) != 0 && errno != ENOENT {
            throw RepositoryError.other("unable to unlink '\(full)': \(String(cString: strerror(errno)))")
        }
        var folder = (full as NSString).deletingLastPathComponent
        while folder.count > workTree.count, rmdir(folder) == 0 {
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// Writes one version to the work tree; returns its `lstat` data.
    func place(_ side: MergeSide, to full: String, workTree: String) throws -> StatData {
        let folder = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if side.mode.isGitlink {
            try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        } else {
            let content = try repository.readObject(side.id).content
            if unlink(full) != 0 && errno != ENOENT {
                throw RepositoryError.other("unable to unlink old '\(full)': \(String(cString: strerror(errno)))")
            }
            if side.mode.isSymlink {
                let target = String(decoding: content, as: UTF8.self)
                guard symlink(target, full) == 0 else {
                    throw RepositoryError.other("unable to create symlink '\(full)': \(String(cString: strerror(errno)))")
                }
            } else {
                let mode: mode_t = side.mode == .executable ? 0o777 : 0o666
                let fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
                guard fd >= 0 else {
                    throw RepositoryError.other("unable to create file '\(full)': \(String(cString: strerror(errno)))")
                }
                defer { close(fd) }
                var done = 0
                while done < content.count {
                    let n = content.withUnsafeBytes { write(fd, $0.baseAddress?.advanced(by: done), content.count - done) }
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw RepositoryError.other("unable to write file '\(full)': \(String(cString: strerror(errno)))")
                    }
                    done += n
                }
            }
        }
        guard let stat = StatData.of(path: full) else {
            throw RepositoryError.other("unable to stat just-written file '\(full)'")
        }
        return stat
    }
}
