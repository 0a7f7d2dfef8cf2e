#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PfadObjects

/// Writes and removes work-tree files without ever leaving the work tree.
///
/// Every path it is given passes `CheckoutPath` first (no `..`, no absolute
/// path, no `.git` in any spelling, no `.gitmodules` symbolic link), so no
/// caller can write a path that checkout would refuse.
///
/// Every parent folder of a path is checked with `lstat` (a symbolic link or
/// a file where a folder is needed is refused, never followed); file content
/// goes to a temporary file in the same folder that is then renamed into
/// place, so a reader sees the old or the new file, never a partial one.
public struct WorkTreeWriter: Sendable {
    /// The work tree root, absolute, without a trailing '/'.
    public let root: String

    /// A writer below `root`.
    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// The absolute path of a repository-relative byte path, as bytes.
    func absolute(_ path: [UInt8]) -> [UInt8] {
        Array(root.utf8) + [0x2F] + path
    }

    /// Makes sure every parent folder of `path` exists as a real folder,
    /// creating missing ones. `known` caches folders already checked.
    /// - Throws: `RepositoryError.unsafePath` when `path` breaks the
    ///   `CheckoutPath` rules or a component is a symbolic link or not a
    ///   folder. One `lstat` per unchecked component.
    /// With `replacing`, a file or symbolic link where a folder must go is
    /// unlinked (the link itself, never its target) and replaced by a folder,
    /// as forced checkouts do.
    public func prepareParents(of path: [UInt8], known: inout Set<[UInt8]>, replacing: Bool = false) throws {
        try CheckoutPath.validate(path)
        var slashes: [Int] = []
        for (i, byte) in path.enumerated() where byte == 0x2F { slashes.append(i) }
        for i in slashes {
            let folder = Array(path[..<i])
            if known.contains(folder) { continue }
            let full = absolute(folder)
            var st = stat()
            if RawFile.withCString(full, { lstat($0, &st) }) == 0 {
                let type = UInt32(st.st_mode) & 0o170000
                if type != 0o040000 && replacing {
                    guard RawFile.withCString(full, { unlink($0) }) == 0, RawFile.withCString(full, { mkdir($0, 0o777) }) == 0 else {
                        throw RepositoryError.other("unable to create directory '\(String(decoding: folder, as: UTF8.self))': \(Self.lastError())")
                    }
                    known.insert(folder)
                    continue
                }
                guard type == 0o040000 else {
                    let reason = type == 0o120000 ? "beyond a symbolic link" : "a parent is not a folder"
                    throw RepositoryError.unsafePath(path: String(decoding: path, as: UTF8.self), reason: reason)
                }
            } else {
                guard RawFile.withCString(full, { mkdir($0, 0o777) }) == 0 || errno == EEXIST else {
                    throw RepositoryError.other("unable to create directory '\(String(decoding: folder, as: UTF8.self))': \(Self.lastError())")
                }
            }
            known.insert(folder)
        }
    }

    /// Writes one entry (regular file, executable, symbolic link or an empty
    /// folder for a submodule) at `path` and returns its `lstat` data. The
    /// parent folders must have been prepared. `token` makes the temporary
    /// name unique among concurrent writers.
    /// - Throws: `RepositoryError.unsafePath` for a path `CheckoutPath`
    ///   refuses (checked here too, whatever the caller checked), I/O errors.
    public func write(_ path: [UInt8], mode: FileMode, content: [UInt8], token: Int) throws -> StatData {
        try CheckoutPath.validate(path, mode: mode)
        let full = absolute(path)
        let name = String(decoding: path, as: UTF8.self)
        if mode.isGitlink {
            if RawFile.withCString(full, { mkdir($0, 0o777) }) != 0 && errno != EEXIST {
                throw RepositoryError.other("unable to create directory '\(name)': \(Self.lastError())")
            }
            guard let st = StatData.of(path: full) else { throw RepositoryError.other("unable to stat just-written file '\(name)'") }
            return st
        }
        let folderEnd = full.lastIndex(of: 0x2F) ?? 0
        let temporary = Array(full[..<folderEnd]) + [0x2F] + Self.temporaryPrefix + Array("\(Self.processID)-\(token)".utf8)
        if mode.isSymlink {
            _ = RawFile.withCString(temporary) { unlink($0) }
            let ok = RawFile.withCString(content) { target in RawFile.withCString(temporary) { symlink(target, $0) } }
            guard ok == 0 else { throw RepositoryError.other("unable to create symlink '\(name)': \(Self.lastError())") }
        } else {
            let permissions: mode_t = mode == .executable ? 0o777 : 0o666
            let fd = RawFile.withCString(temporary) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, permissions) }
            guard fd >= 0 else { throw RepositoryError.other("unable to create file '\(name)': \(Self.lastError())") }
            var written = 0
            while written < content.count {
                let n = content.withUnsafeBytes { Glibc.write(fd, $0.baseAddress?.advanced(by: written), $0.count - written) }
                if n < 0 {
                    if errno == EINTR { continue }
                    let message = Self.lastError()
                    close(fd)
                    _ = RawFile.withCString(temporary) { unlink($0) }
                    throw RepositoryError.other("unable to write file '\(name)': \(message)")
                }
                written += n
            }
            close(fd)
        }
        try moveIntoPlace(temporary, full, name: name)
        guard let st = StatData.of(path: full) else { throw RepositoryError.other("unable to stat just-written file '\(name)'") }
        return st
    }

    /// Renames the temporary over the target; an empty folder in the way is removed first.
    private func moveIntoPlace(_ temporary: [UInt8], _ full: [UInt8], name: String) throws {
        var ok = RawFile.withCString(temporary) { t in RawFile.withCString(full) { rename(t, $0) } } == 0
        if !ok && (errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST) {
            _ = RawFile.withCString(full) { rmdir($0) }
            ok = RawFile.withCString(temporary) { t in RawFile.withCString(full) { rename(t, $0) } } == 0
        }
        if !ok {
            let message = Self.lastError()
            _ = RawFile.withCString(temporary) { unlink($0) }
            throw RepositoryError.other("unable to create file '\(name)': \(message)")
        }
    }

    /// Removes the file, symbolic link or (empty) submodule folder at `path`,
    /// then every parent folder that became empty. Absent paths are fine.
    /// A path whose parents are not real folders is left alone (nothing
    /// outside the work tree is ever removed).
    /// - Throws: `unsafePath` for a path that could leave the work tree or
    ///   reach into `.git` (an index can be crafted too).
    public func remove(_ path: [UInt8]) throws {
        try CheckoutPath.validate(path)
        guard parentsAreFolders(path) else { return }
        let full = absolute(path)
        var st = stat()
        guard RawFile.withCString(full, { lstat($0, &st) }) == 0 else { return }
        let isFolder = UInt32(st.st_mode) & 0o170000 == 0o040000
        let result = RawFile.withCString(full) { isFolder ? rmdir($0) : unlink($0) }
        if result != 0 && !isFolder && errno != ENOENT {
            throw RepositoryError.other("unable to unlink '\(String(decoding: path, as: UTF8.self))': \(Self.lastError())")
        }
        removeEmptyParents(of: path)
    }

    /// Removes the parent folders of `path` that are empty, deepest first,
    /// stopping at the first one that is not (or at the root).
    public func removeEmptyParents(of path: [UInt8]) {
        var end = path.count
        while let slash = path[..<end].lastIndex(of: 0x2F) {
            if RawFile.withCString(absolute(Array(path[..<slash])), { rmdir($0) }) != 0 { return }
            end = slash
        }
    }

    /// Removes the folder at `path` with everything in it, if `path` is a
    /// real folder (a symbolic link is never followed). Nothing else happens
    /// when it is absent or not a folder.
    public func removeFolder(_ path: [UInt8]) throws {
        let full = absolute(path)
        guard let st = StatData.of(path: full), st.isDirectory else { return }
        do {
            try FileManager.default.removeItem(atPath: String(decoding: full, as: UTF8.self))
        } catch {
            throw RepositoryError.other("unable to remove folder '\(String(decoding: path, as: UTF8.self))': \(error.localizedDescription)")
        }
    }

    /// True when every parent component of `path` is a real folder.
    func parentsAreFolders(_ path: [UInt8]) -> Bool {
        for (i, byte) in path.enumerated() where byte == 0x2F {
            var st = stat()
            guard RawFile.withCString(absolute(Array(path[..<i])), { lstat($0, &st) }) == 0,
                UInt32(st.st_mode) & 0o170000 == 0o040000
            else { return false }
        }
        return true
    }

    /// This process's id, for temporary names (one system call, not one per file).
    static let processID = getpid()

    /// How temporary files in the work tree begin: `.pfad-tmp-<pid>-<n>`.
    /// Every work-tree scan skips such names (`DirectoryListing`), so a
    /// temporary left by a killed process is never shown or committed.
    static let temporaryPrefix: [UInt8] = Array(".pfad-tmp-".utf8)

    /// Whether `name` (one path component) is a temporary file left by a
    /// process that no longer runs: it has the temporary form and its
    /// process id names no living process. A temporary of a running
    /// writer (or of a process that reused its id) is never stale. O(length).
    static func isStaleTemporary(_ name: [UInt8]) -> Bool {
        guard name.starts(with: temporaryPrefix) else { return false }
        let rest = name.dropFirst(temporaryPrefix.count)
        guard let dash = rest.firstIndex(of: 0x2D), dash > rest.startIndex, rest[rest.index(after: dash)...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let pid = Int32(String(decoding: rest[..<dash], as: UTF8.self)), pid > 0
        else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
