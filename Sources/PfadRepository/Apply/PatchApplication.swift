import PfadDiff
import PfadObjects
import PfadStore

/// Applies parsed patches (`git apply`) to the files below a root folder,
/// all or nothing: every file's new content is computed in memory first,
/// and only when every patch applies is anything written.
///
/// Every path a patch names passes the checkout rules (`CheckoutPath`: no
/// `..`, no absolute path, no `.git` in any spelling) and may not lie below
/// a symbolic link — one on disk, or one that an earlier patch of the same
/// series creates. Writing goes through `WorkTreeWriter`, which checks the
/// parent folders again with `lstat` when it writes, so nothing is ever
/// written outside the root.
public struct PatchApplication: Sendable {
    /// One computed change to the files below the root.
    public enum Change: Sendable, Equatable {
        /// Write `content` at `path`; `mode` nil keeps git's default (0644).
        case write(path: [UInt8], content: [UInt8], mode: FileMode?)
        /// Remove the file at `path` (and parent folders left empty).
        case remove(path: [UInt8])
    }

    /// The folder the patch paths are relative to, absolute.
    public let root: String

    /// An application below `root` (absolute, e.g. the current directory).
    public init(root: String) {
        self.root = root
    }

    /// Computes every file's new state without writing anything.
    /// - Throws: `PatchApplyError` for a path that may not be touched,
    ///   `DiffError` for a patch that does not apply (or a binary patch).
    public func plan(_ patches: [FilePatchText]) throws -> [Change] {
        var changes: [Change] = []
        var pending: [[UInt8]: [UInt8]] = [:]  // results of earlier patches, by path
        var plannedSymlink: [[UInt8]: Bool] = [:]  // path → is a symbolic link after earlier patches
        for patch in patches {
            for path in [patch.oldPath, patch.newPath].compactMap({ $0 }) {
                let mode = path == patch.newPath ? patch.newMode.map(FileMode.init(rawValue:)) : nil
                guard CheckoutPath.problem(path, mode: mode ?? .regular) == nil else {
                    throw PatchApplyError.invalidPath(String(decoding: path, as: UTF8.self))
                }
                if isBeyondSymlink(path, planned: plannedSymlink) {
                    throw PatchApplyError.beyondSymlink(String(decoding: path, as: UTF8.self))
                }
            }
            if patch.isBinary {
                throw DiffError.patchTargetMismatch(
                    path: patch.newPath ?? patch.oldPath ?? [], reason: "binary patches are not supported")
            }
            var original: [UInt8] = []
            if let oldPath = patch.oldPath {
                if let earlier = pending[oldPath] {
                    original = earlier
                } else if let current = try currentContent(oldPath) {
                    original = current
                } else {
                    throw DiffError.patchTargetMismatch(path: oldPath, reason: "No such file or directory")
                }
            } else if let newPath = patch.newPath, StatData.of(path: fullPath(newPath)) != nil {
                throw DiffError.patchTargetMismatch(path: newPath, reason: "already exists in working directory")
            }
            let result = try PatchApplier.apply(patch, to: original, path: patch.oldPath ?? patch.newPath ?? [])
            if let newPath = patch.newPath {
                let mode = (patch.newMode ?? patch.oldPath.flatMap { currentMode($0) }).map(FileMode.init(rawValue:))
                changes.append(.write(path: newPath, content: result, mode: mode))
                pending[newPath] = result
                plannedSymlink[newPath] = mode == .symlink
                if let oldPath = patch.oldPath, oldPath != newPath, !patch.isCopy {
                    changes.append(.remove(path: oldPath))
                    plannedSymlink[oldPath] = false
                }
            } else if let oldPath = patch.oldPath {
                changes.append(.remove(path: oldPath))
                plannedSymlink[oldPath] = false
            }
        }
        return changes
    }

    /// Carries out planned changes in order.
    /// - Throws: `RepositoryError` when a file cannot be written or a parent
    ///   folder turned into a symbolic link since `plan`.
    public func apply(_ changes: [Change]) throws {
        let writer = WorkTreeWriter(root: root)
        var known = Set<[UInt8]>()
        for (token, change) in changes.enumerated() {
            switch change {
            case let .write(path, content, mode):
                try writer.prepareParents(of: path, known: &known)
                _ = try writer.write(path, mode: mode ?? .regular, content: content, token: token)
            case let .remove(path):
                try writer.remove(path)
                known.removeAll()  // emptied parent folders may be gone
            }
        }
    }

    /// True when a leading folder of `path` is (or will be, after earlier
    /// patches) a symbolic link. One `lstat` per unplanned leading folder.
    private func isBeyondSymlink(_ path: [UInt8], planned: [[UInt8]: Bool]) -> Bool {
        for (i, byte) in path.enumerated() where byte == 0x2F {
            let folder = Array(path[..<i])
            if let isLink = planned[folder] {
                if isLink { return true }
                continue
            }
            if let st = StatData.of(path: fullPath(folder)), st.isSymlink { return true }
        }
        return false
    }

    /// The content git would see at `path`: a file's bytes or a link's
    /// target; nil when nothing (or a folder) is there.
    private func currentContent(_ path: [UInt8]) throws -> [UInt8]? {
        guard let st = StatData.of(path: fullPath(path)), !st.isDirectory else { return nil }
        return try WorkTreeFiles.content(at: String(decoding: fullPath(path), as: UTF8.self), isSymlink: st.isSymlink)
    }

    /// git's mode for the file at `path`, nil when absent.
    private func currentMode(_ path: [UInt8]) -> UInt32? {
        guard let st = StatData.of(path: fullPath(path)), !st.isDirectory else { return nil }
        return WorkTreeFiles.gitMode(stMode: st.mode).rawValue
    }

    private func fullPath(_ path: [UInt8]) -> [UInt8] {
        Array(root.utf8) + [0x2F] + path
    }
}
