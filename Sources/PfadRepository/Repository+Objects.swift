import PfadObjects
import PfadStore

/// One blob or submodule entry of a flattened tree.
public struct FlatTreeEntry: Sendable, Equatable {
    /// Full path from the tree root, '/'-separated.
    public var path: [UInt8]
    /// The entry's mode.
    public var mode: FileMode
    /// The entry's object.
    public var id: ObjectID

    public init(path: [UInt8], mode: FileMode, id: ObjectID) {
        self.path = path
        self.mode = mode
        self.id = id
    }
}

extension Repository {
    /// Reads an object that must exist.
    /// - Throws: `RepositoryError.missingObject` when absent; store errors when corrupt.
    /// The empty tree is always readable, stored or not (git treats it as
    /// built in: an orphan branch's first empty commit does not store it).
    public func readObject(_ id: ObjectID) throws -> RawObject {
        guard let object = try objects.read(id) else {
            if id == algorithm.objectID(type: .tree, content: [UInt8]()) { return RawObject(type: .tree, content: []) }
            throw RepositoryError.missingObject(id)
        }
        return object
    }

    /// Reads and parses a commit.
    public func readCommit(_ id: ObjectID) throws -> Commit {
        let object = try readObject(id)
        guard object.type == .commit else {
            throw RepositoryError.wrongObjectType(id: id, expected: .commit, actual: object.type)
        }
        return try Commit.parse(object.content, algorithm: algorithm)
    }

    /// Reads and parses a tree.
    public func readTree(_ id: ObjectID) throws -> Tree {
        let object = try readObject(id)
        guard object.type == .tree else {
            throw RepositoryError.wrongObjectType(id: id, expected: .tree, actual: object.type)
        }
        return try Tree.parse(object.content, algorithm: algorithm)
    }

    /// Reads and parses an annotated tag.
    public func readTag(_ id: ObjectID) throws -> Tag {
        let object = try readObject(id)
        guard object.type == .tag else {
            throw RepositoryError.wrongObjectType(id: id, expected: .tag, actual: object.type)
        }
        return try Tag.parse(object.content, algorithm: algorithm)
    }

    /// The type of an existing object (reads only its header).
    public func objectType(_ id: ObjectID) throws -> ObjectType {
        guard let header = try objects.readHeader(id) else {
            if id == algorithm.objectID(type: .tree, content: [UInt8]()) { return .tree }
            throw RepositoryError.missingObject(id)
        }
        return header.type
    }

    /// Follows tags (and commit → tree) until an object of `type` is reached;
    /// `nil` type peels tags only (`^{}`).
    /// - Returns: nil when the chain ends in an object that cannot become `type`.
    public func peel(_ id: ObjectID, to type: ObjectType?) throws -> ObjectID? {
        var current = id
        for _ in 0..<64 {
            let actual = try objectType(current)
            if let type, actual == type { return current }
            switch actual {
            case .tag:
                current = try readTag(current).object
            case .commit where type == .tree:
                return try readCommit(current).tree
            default:
                return type == nil ? current : nil
            }
        }
        throw RepositoryError.other("tag chain too long at \(id.hex)")
    }

    /// Finds the entry at `path` ('/'-separated) below tree `root`.
    public func entry(at path: [UInt8], inTree root: ObjectID) throws -> TreeEntry? {
        let parts = path.split(separator: 0x2F, omittingEmptySubsequences: true)
        guard !parts.isEmpty else { return nil }
        var tree = try readTree(root)
        for (i, part) in parts.enumerated() {
            guard let found = tree.entries.first(where: { $0.name.elementsEqual(part) }) else { return nil }
            if i == parts.count - 1 { return found }
            guard found.mode == .directory else { return nil }
            tree = try readTree(found.id)
        }
        return nil
    }

    /// Deepest folder nesting pfad follows in a tree; deeper (hostile) trees
    /// are refused instead of exhausting the stack.
    public static let maximumTreeDepth = 4096

    /// Every blob, symlink and submodule below tree `id`, in git's index
    /// order (full paths compared bytewise). O(entries); reads every subtree
    /// `descend` admits (given the folder's path), and keeps the files
    /// `include` admits.
    /// - Throws: `RepositoryError` for nesting beyond `maximumTreeDepth`.
    public func flattenTree(
        _ id: ObjectID, prefix: [UInt8] = [],
        descend: ([UInt8]) -> Bool = { _ in true }, include: ([UInt8]) -> Bool = { _ in true }
    ) throws -> [FlatTreeEntry] {
        var out: [FlatTreeEntry] = []
        func walk(_ id: ObjectID, prefix: [UInt8], depth: Int) throws {
            guard depth < Self.maximumTreeDepth else { throw RepositoryError.other("tree nesting too deep") }
            for entry in try readTree(id).entries {
                let path = prefix + entry.name
                if entry.mode == .directory {
                    if descend(path) { try walk(entry.id, prefix: path + [0x2F], depth: depth + 1) }
                } else if include(path) {
                    out.append(FlatTreeEntry(path: path, mode: entry.mode, id: entry.id))
                }
            }
        }
        try walk(id, prefix: prefix, depth: 0)
        out.sort { $0.path.lexicographicallyPrecedes($1.path) }
        return out
    }
}
