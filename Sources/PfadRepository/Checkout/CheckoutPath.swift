import PfadObjects

/// The rules a path from a tree must pass before checkout writes it: it
/// must stay inside the work tree and must not reach into `.git`.
///
/// The `.git` spellings are fsck's `hasDotgit` rule (`ObjectChecker.isDotGitName`),
/// so `.GIT`, `.Git`, `git~1` and the HFS+/NTFS variants are refused as well.
/// A symbolic link named `.gitmodules` (in any spelling) is refused too, as
/// git's checkout does: git would read submodule settings through it.
///
/// This is the one home of these rules: `WorkTreeWriter` applies them to
/// every path it writes, prepares or removes, and the operations that write
/// the work tree (checkout, switch, restore, reset, merge and its abort,
/// cherry-pick, revert, pull, clone, apply) call `validate` up front so a
/// hostile tree is refused before anything is written.
public enum CheckoutPath {
    /// Why `path` may not be written, or nil when it is safe. O(length).
    public static func problem(_ path: [UInt8]) -> String? {
        if path.isEmpty { return "empty path" }
        if path.first == 0x2F { return "absolute path" }
        if path.contains(0) { return "NUL byte in path" }
        for component in path.split(separator: 0x2F, omittingEmptySubsequences: false) {
            if component.isEmpty { return "empty path component" }
            if component.elementsEqual([0x2E]) { return "'.' component" }
            if component.elementsEqual([0x2E, 0x2E]) { return "'..' component" }
            if component.contains(0x5C) { return "backslash in path component" }
            if ObjectChecker.isDotGitName(Array(component)) { return "'.git' component" }
        }
        return nil
    }

    /// Why `path` may not be written as an entry of `mode`, or nil when it
    /// is safe: the path rules plus the `.gitmodules` symbolic-link rule.
    /// O(length).
    public static func problem(_ path: [UInt8], mode: FileMode) -> String? {
        if let reason = problem(path) { return reason }
        if mode.isSymlink, let name = path.split(separator: 0x2F).last, SpecialFileName.gitmodules.matches(Array(name)) {
            return "'.gitmodules' is a symbolic link"
        }
        return nil
    }

    /// Throws `RepositoryError.unsafePath` when `path` may not be written.
    public static func validate(_ path: [UInt8]) throws {
        if let reason = problem(path) {
            throw RepositoryError.unsafePath(path: String(decoding: path, as: UTF8.self), reason: reason)
        }
    }

    /// Throws `RepositoryError.unsafePath` when `path` may not be written as
    /// an entry of `mode`.
    public static func validate(_ path: [UInt8], mode: FileMode) throws {
        if let reason = problem(path, mode: mode) {
            throw RepositoryError.unsafePath(path: String(decoding: path, as: UTF8.self), reason: reason)
        }
    }

    /// Checks a whole target tree: every path is valid, no path occurs twice,
    /// and no file is also a folder of another path (a tree holding both a
    /// symlink `link` and a folder `link/` could otherwise write through the
    /// link). O(n · depth).
    public static func validate(tree entries: [FlatTreeEntry]) throws {
        var files = Set<[UInt8]>()
        files.reserveCapacity(entries.count)
        for entry in entries {
            try validate(entry.path, mode: entry.mode)
            guard files.insert(entry.path).inserted else {
                throw RepositoryError.unsafePath(path: String(decoding: entry.path, as: UTF8.self), reason: "duplicate entry")
            }
        }
        for entry in entries {
            for (i, byte) in entry.path.enumerated() where byte == 0x2F {
                let parent = Array(entry.path[..<i])
                if files.contains(parent) {
                    throw RepositoryError.unsafePath(
                        path: String(decoding: entry.path, as: UTF8.self),
                        reason: "'\(String(decoding: parent, as: UTF8.self))' is also a file or symbolic link")
                }
            }
        }
    }
}
