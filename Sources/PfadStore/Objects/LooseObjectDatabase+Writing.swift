#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

extension LooseObjectDatabase {
    /// Stores an object and returns its id; a no-op if the file already exists.
    ///
    /// Hashes header + content, checks existence with one `access`, then
    /// deflates header and content in one pass with a pooled zlib stream into
    /// `objects/xx/tmp_obj_XXXXXX` (mode 0444), optionally fsyncs it, and
    /// hard-links it into place (falling back to `rename`), like git.
    /// O(size) CPU, one file write.
    public func write(type: ObjectType, content: [UInt8]) throws -> ObjectID {
        let id = algorithm.objectID(type: type, content: content)
        let target = path(for: id)
        if POSIX.exists(target) { return id }
        let header = ObjectHeader.encode(type: type, size: content.count)
        let compressed = try deflaters.with { $0.compress(header, content) }
        try store(compressed, at: target)
        return id
    }

    /// Writes an already compressed object file for `id` (e.g. copied from
    /// another store) without re-checking its content.
    func store(_ compressed: [UInt8], at target: String) throws {
        let directory = POSIX.directoryName(target)
        let temporary: (fd: Int32, path: String)
        do {
            temporary = try POSIX.makeTemporaryFile(in: directory, prefix: "tmp_obj_")
        } catch StoreError.io(_, _, ENOENT) {
            try POSIX.makeDirectories(directory)
            temporary = try POSIX.makeTemporaryFile(in: directory, prefix: "tmp_obj_")
        }
        var placed = false
        defer { if !placed { unlink(temporary.path) } }
        do {
            defer { close(temporary.fd) }
            try compressed.withUnsafeBytes { try POSIX.writeAll(fd: temporary.fd, $0, path: temporary.path) }
            if fchmod(temporary.fd, 0o444) != 0 {
                throw StoreError.io(operation: "chmod", path: temporary.path, errno: errno)
            }
            if syncObjects { try POSIX.sync(fd: temporary.fd, path: temporary.path) }
        }
        if link(temporary.path, target) == 0 || errno == EEXIST {
            // Linked (or another writer won the race with identical content).
            unlink(temporary.path)
            placed = true
            return
        }
        try POSIX.renameFile(temporary.path, target)
        placed = true
    }
}
