import Crypto

/// The object-id hash function of a repository (`extensions.objectFormat`).
///
/// Everything that depends on the digest length goes through this type, so
/// that sha1 and sha256 repositories share every other line of code.
public enum HashAlgorithm: String, Sendable, CaseIterable, Hashable {
    case sha1
    case sha256

    /// Length of a binary digest in bytes (20 or 32).
    public var digestLength: Int {
        switch self {
        case .sha1: return 20
        case .sha256: return 32
        }
    }

    /// Length of a hexadecimal id (40 or 64).
    public var hexLength: Int { digestLength * 2 }

    /// The algorithm whose digests have `length` bytes, if any.
    public init?(digestLength length: Int) {
        switch length {
        case 20: self = .sha1
        case 32: self = .sha256
        default: return nil
        }
    }

    /// The all-zero id, git's "no object" marker in ref updates and reflogs.
    public var nullID: ObjectID { ObjectID(uncheckedBytes: [UInt8](repeating: 0, count: digestLength)) }

    /// Digest of `bytes`. O(n), hardware-accelerated where the CPU allows.
    public func digest(_ bytes: some ContiguousBytesLike) -> ObjectID {
        var hasher = StreamingHasher(self)
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The id of an object of `type` whose content is `content`
    /// (the digest of `"<type> <size>\0" + content`).
    public func objectID(type: ObjectType, content: some ContiguousBytesLike) -> ObjectID {
        var hasher = StreamingHasher(self)
        hasher.update(ObjectHeader.encode(type: type, size: content.byteCount))
        hasher.update(content)
        return hasher.finalize()
    }
}

/// Byte containers the hasher accepts without copying.
public protocol ContiguousBytesLike {
    /// Number of bytes.
    var byteCount: Int { get }
    /// Calls `body` with the bytes.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: ContiguousBytesLike where Element == UInt8 {
    public var byteCount: Int { count }
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

extension ArraySlice: ContiguousBytesLike where Element == UInt8 {
    public var byteCount: Int { count }
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

extension UnsafeRawBufferPointer: ContiguousBytesLike {
    public var byteCount: Int { count }
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(self)
    }
}

/// An incremental hasher for one object id.
public struct StreamingHasher {
    private enum State {
        case sha1(Insecure.SHA1)
        case sha256(SHA256)
    }
    private var state: State

    /// A fresh hasher for `algorithm`.
    public init(_ algorithm: HashAlgorithm) {
        switch algorithm {
        case .sha1: state = .sha1(Insecure.SHA1())
        case .sha256: state = .sha256(SHA256())
        }
    }

    /// Feeds `bytes` into the digest.
    public mutating func update(_ bytes: some ContiguousBytesLike) {
        bytes.withBytes { buffer in
            switch state {
            case .sha1(var h):
                h.update(bufferPointer: buffer)
                state = .sha1(h)
            case .sha256(var h):
                h.update(bufferPointer: buffer)
                state = .sha256(h)
            }
        }
    }

    /// The final id.
    public func finalize() -> ObjectID {
        switch state {
        case .sha1(let h): return ObjectID(uncheckedBytes: Array(h.finalize()))
        case .sha256(let h): return ObjectID(uncheckedBytes: Array(h.finalize()))
        }
    }
}
