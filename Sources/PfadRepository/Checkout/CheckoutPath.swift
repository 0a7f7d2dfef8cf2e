import PfadObjects

/// The rules a path from a tree must pass before checkout writes it: it
/// must stay inside the work tree and must not reach into `.git`.
///
/// The `.git` spellings are fsck's `hasDotgit` rule (`ObjectChecker.isDotGitName`),
/// so `.GIT`, `.Git`, `git~1` and the HFS+/NTFS variants are refused as well.
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

    /// Throws `RepositoryError.unsafePath` when `path` may not be written.
    public static func validate(_ path: [UInt8]) throws {
        if let reason = problem(path) {
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
            try validate(entry.path)
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
