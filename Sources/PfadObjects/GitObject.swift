/// Any parsed object.
public enum GitObject: Hashable, Sendable {
    /// File content, raw bytes.
    case blob([UInt8])
    /// A directory listing.
    case tree(Tree)
    /// A commit.
    case commit(Commit)
    /// An annotated tag.
    case tag(Tag)

    /// Parses `content` as an object of `type`. O(n); throws `ObjectError`.
    public init(type: ObjectType, content: [UInt8], algorithm: HashAlgorithm) throws {
        switch type {
        case .blob: self = .blob(content)
        case .tree: self = .tree(try Tree.parse(content, algorithm: algorithm))
        case .commit: self = .commit(try Commit.parse(content, algorithm: algorithm))
        case .tag: self = .tag(try Tag.parse(content, algorithm: algorithm))
        }
    }

    /// The object's type.
    public var type: ObjectType {
        switch self {
        case .blob: return .blob
        case .tree: return .tree
        case .commit: return .commit
        case .tag: return .tag
        }
    }

    /// The object's content (without the `<type> <size>\0` header). O(n).
    public func serialized() -> [UInt8] {
        switch self {
        case .blob(let bytes): return bytes
        case .tree(let tree): return tree.serialized()
        case .commit(let commit): return commit.serialized()
        case .tag(let tag): return tag.serialized()
        }
    }

    /// The object's id under `algorithm`. O(n).
    public func id(algorithm: HashAlgorithm) -> ObjectID {
        algorithm.objectID(type: type, content: serialized())
    }
}
