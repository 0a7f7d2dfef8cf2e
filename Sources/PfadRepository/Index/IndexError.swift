/// Everything that can go wrong while reading or writing the index file,
/// loading ignore rules or walking the work tree.
///
/// Each case names the file (or `<memory>` for bytes handed in directly) and,
/// where it helps, the byte offset or the entry path.
public enum IndexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not start with the `DIRC` signature.
    case badSignature(file: String)
    /// A version other than 2, 3 or 4.
    case unsupportedVersion(file: String, version: UInt32)
    /// The file ended before the structure at `offset` was complete.
    case truncated(file: String, offset: Int)
    /// The trailing checksum does not match the content.
    case checksumMismatch(file: String, expected: String, actual: String)
    /// An entry is malformed (bad name length, missing NUL, bad prefix length, unknown flag bits).
    case malformedEntry(file: String, offset: Int, reason: String)
    /// Entries are not sorted by (path, stage) or a path appears twice with the same stage.
    case unsortedEntries(file: String, path: [UInt8])
    /// A required extension (signature not starting with `A`–`Z`) that pfad does not understand,
    /// such as the split-index `link` or sparse-index `sdir` extensions.
    case unsupportedExtension(file: String, signature: String, offset: Int)
    /// A system call failed on `path`.
    case io(path: String, operation: String, errno: Int32)
    /// A value cannot be represented in the index (for example a path with a NUL byte or a stage above 3).
    case invalidEntry(path: [UInt8], reason: String)

    /// A one-line message in git's wording where git has one.
    public var description: String {
        switch self {
        case .badSignature(let file):
            return "index file corrupt: bad signature in \(file)"
        case .unsupportedVersion(let file, let version):
            return "index file \(file): unsupported version \(version)"
        case .truncated(let file, let offset):
            return "index file \(file) is truncated at offset \(offset)"
        case .checksumMismatch(let file, let expected, let actual):
            return "index file \(file): bad checksum (stored \(expected), computed \(actual))"
        case .malformedEntry(let file, let offset, let reason):
            return "index file \(file): malformed entry at offset \(offset): \(reason)"
        case .unsortedEntries(let file, let path):
            return "index file \(file): unordered entries at '\(String(decoding: path, as: UTF8.self))'"
        case .unsupportedExtension(let file, let signature, let offset):
            return "index file \(file): unsupported required extension '\(signature)' at offset \(offset)"
        case .io(let path, let operation, let errno):
            return "\(operation) failed for '\(path)' (errno \(errno))"
        case .invalidEntry(let path, let reason):
            return "invalid index entry '\(String(decoding: path, as: UTF8.self))': \(reason)"
        }
    }
}
