/// One reference from an object to another, with the type the target must
/// have — the single rule `git fsck` and a strict `git receive-pack` apply
/// to connectivity: a commit names a tree and parent commits, a tag names an
/// object of the type in its `type` header, and a tree entry names a tree
/// (mode `40000`) or a blob (every other mode). Submodule entries (mode
/// `160000`) name commits of another repository and are not links.
public struct ObjectLink: Hashable, Sendable {
    /// Where in the source object the link is written.
    public enum Kind: Hashable, Sendable {
        /// A commit's `tree` header.
        case tree
        /// One of a commit's `parent` headers.
        case parent
        /// A tag's `object` header.
        case tagged
        /// A tree entry, with its name and mode.
        case entry(name: [UInt8], mode: FileMode)
    }

    /// The object linked to.
    public var target: ObjectID
    /// The type `target` must have.
    public var expectedType: ObjectType
    /// Which header or entry holds the link.
    public var kind: Kind

    /// A link.
    public init(target: ObjectID, expectedType: ObjectType, kind: Kind) {
        self.target = target
        self.expectedType = expectedType
        self.kind = kind
    }

    /// The links of an object, in the order they are written. Blobs have
    /// none. O(size of `content`).
    /// - Throws: `ObjectError` when a commit, tree or tag does not parse.
    public static func links(type: ObjectType, content: [UInt8], algorithm: HashAlgorithm) throws -> [ObjectLink] {
        switch type {
        case .blob:
            return []
        case .tree:
            return try Tree.parse(content, algorithm: algorithm).entries.compactMap { entry in
                guard !entry.mode.isGitlink else { return nil }
                return ObjectLink(target: entry.id, expectedType: entry.mode.objectType, kind: .entry(name: entry.name, mode: entry.mode))
            }
        case .commit:
            let commit = try Commit.parse(content, algorithm: algorithm)
            return [ObjectLink(target: commit.tree, expectedType: .tree, kind: .tree)]
                + commit.parents.map { ObjectLink(target: $0, expectedType: .commit, kind: .parent) }
        case .tag:
            let tag = try Tag.parse(content, algorithm: algorithm)
            return [ObjectLink(target: tag.object, expectedType: tag.type, kind: .tagged)]
        }
    }

    /// True for a tree entry naming a subtree (the links tree depth counts).
    public var isSubtree: Bool {
        if case .entry = kind { return expectedType == .tree }
        return false
    }
}
