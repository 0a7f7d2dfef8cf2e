import Foundation
import PfadObjects

/// Reading work-tree files the way git stores them: regular files by
/// content, symlinks by their target, modes reduced to git's four.
public enum WorkTreeFiles {
    /// The content git would store for the file at `path` with stat mode `stMode`:
    /// the bytes of a regular file, or the target of a symlink.
    /// - Throws: `RepositoryError.other` naming the path when it cannot be read.
    public static func content(at path: String, isSymlink: Bool) throws -> [UInt8] {
        if isSymlink {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = buffer.withUnsafeMutableBufferPointer { ptr in
                ptr.baseAddress.map { readlink(path, $0, ptr.count) } ?? -1
            }
            guard n >= 0 else { throw RepositoryError.other("readlink(\(path)): \(String(cString: strerror(errno)))") }
            return buffer[0..<n].map { UInt8(bitPattern: $0) }
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RepositoryError.other("open(\"\(path)\"): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw RepositoryError.other("stat(\"\(path)\"): \(String(cString: strerror(errno)))") }
        var out = [UInt8](repeating: 0, count: Int(st.st_size))
        var filled = 0
        while filled < out.count {
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress?.advanced(by: filled), $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw RepositoryError.other("read error while reading '\(path)'")
            }
            if n == 0 { break }
            filled += n
        }
        if filled < out.count { out.removeSubrange(filled...) }
        // A file that grew while we read it: take the rest too.
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// git's mode for a file with stat mode `stMode`.
    public static func gitMode(stMode: UInt32) -> FileMode {
        switch stMode & UInt32(S_IFMT) {
        case UInt32(S_IFLNK): return .symlink
        case UInt32(S_IFDIR): return .gitlink
        default: return (stMode & 0o100) != 0 ? .executable : .regular
        }
    }

    /// Joins the work tree root and a repository-relative byte path.
    public static func fullPath(_ workTree: String, _ path: [UInt8]) -> String {
        workTree + "/" + String(decoding: path, as: UTF8.self)
    }
}
