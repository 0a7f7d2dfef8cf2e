import Foundation
import PfadObjects
import PfadStore

/// Reading work-tree files the way git stores them: regular files by
/// content, symlinks by their target, modes reduced to git's four.
public enum WorkTreeFiles {
    /// The content git would store for the file at `path`: the bytes of a
    /// regular file (read through `POSIX.readFile`), or a symlink's target.
    /// - Throws: an error naming the path when it cannot be read.
    public static func content(at path: String, isSymlink: Bool) throws -> [UInt8] {
        if isSymlink {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = buffer.withUnsafeMutableBufferPointer { ptr in
                ptr.baseAddress.map { readlink(path, $0, ptr.count) } ?? -1
            }
            guard n >= 0 else { throw RepositoryError.other("readlink(\(path)): \(String(cString: strerror(errno)))") }
            return buffer[0..<n].map { UInt8(bitPattern: $0) }
        }
        guard let bytes = try POSIX.readFile(path) else {
            throw RepositoryError.other("open(\"\(path)\"): No such file or directory")
        }
        return bytes
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
