import PfadObjects

/// The index's cache-tree extension (`TREE`): for each folder of the index,
/// the id of the tree object its entries would be written as, when known.
///
/// Format (`Documentation/gitformat-index.txt`, "Cache tree"): entries in
/// pre-order, each `path-component NUL entry-count SP subtree-count LF` and,
/// when entry-count is not -1, the binary object id. `status` uses it to skip
/// comparing folders whose tree equals HEAD's; `commit` and `write-tree` fill it.
public struct CacheTree: Sendable, Equatable {
    /// The folder's own name (empty for the root).
    public var name: [UInt8]
    /// Number of index entries below this folder; -1 when invalidated.
    public var entryCount: Int
    /// The tree id when valid.
    public var id: ObjectID?
    /// Sub-folders, in the order they were written.
    public var children: [CacheTree]

    public init(name: [UInt8], entryCount: Int, id: ObjectID?, children: [CacheTree]) {
        self.name = name
        self.entryCount = entryCount
        self.id = id
        self.children = children
    }

    /// The extension signature.
    public static let signature = Array("TREE".utf8)

    /// Parses extension data; nil when malformed (the cache is then ignored,
    /// never trusted).
    public static func parse(_ data: [UInt8], algorithm: HashAlgorithm) -> CacheTree? {
        var offset = 0
        guard let root = parseNode(data, &offset, algorithm, depth: 0), offset == data.count else { return nil }
        return root
    }

    private static func parseNode(_ data: [UInt8], _ offset: inout Int, _ algorithm: HashAlgorithm, depth: Int) -> CacheTree? {
        guard depth < 4096, let nul = data[offset...].firstIndex(of: 0) else { return nil }
        let name = Array(data[offset..<nul])
        offset = nul + 1
        guard let space = data[offset...].firstIndex(of: 0x20),
              let count = Int(String(decoding: data[offset..<space], as: UTF8.self)) else { return nil }
        offset = space + 1
        guard let newline = data[offset...].firstIndex(of: 0x0A),
              let subtrees = Int(String(decoding: data[offset..<newline], as: UTF8.self)), subtrees >= 0 else { return nil }
        offset = newline + 1
        var id: ObjectID?
        if count >= 0 {
            guard offset + algorithm.digestLength <= data.count else { return nil }
            id = ObjectID(uncheckedBytes: Array(data[offset..<offset + algorithm.digestLength]))
            offset += algorithm.digestLength
        }
        var children: [CacheTree] = []
        for _ in 0..<subtrees {
            guard let child = parseNode(data, &offset, algorithm, depth: depth + 1) else { return nil }
            children.append(child)
        }
        return CacheTree(name: name, entryCount: count, id: id, children: children)
    }

    /// The extension data for this tree.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        append(to: &out)
        return out
    }

    private func append(to out: inout [UInt8]) {
        out += name
        out.append(0)
        out += Array("\(id == nil ? -1 : entryCount) \(children.count)\n".utf8)
        if let id { out += id.bytes }
        for child in children { child.append(to: &out) }
    }

    /// The child folder called `name`.
    public func child(named name: ArraySlice<UInt8>) -> CacheTree? {
        children.first { $0.name.elementsEqual(name) }
    }
}

extension IndexFile {
    /// The cache tree, if the index has a well-formed one.
    public func cacheTree(algorithm: HashAlgorithm) -> CacheTree? {
        guard let ext = extensions.first(where: { $0.signature == CacheTree.signature }) else { return nil }
        return CacheTree.parse(ext.data, algorithm: algorithm)
    }

    /// Replaces the cache-tree extension (call after changing `entries`,
    /// which drops it).
    public mutating func setCacheTree(_ tree: CacheTree?) {
        extensions.removeAll { $0.signature == CacheTree.signature }
        if let tree {
            extensions.insert(IndexExtension(signature: CacheTree.signature, data: tree.serialized()), at: 0)
        }
    }

    /// Runs `body`, which may change only stat data of entries, keeping the
    /// extensions (changing `entries` otherwise drops them).
    public mutating func updatingStatOnly(_ body: (inout [IndexEntry]) -> Void) {
        let kept = extensions
        body(&entries)
        extensions = kept
    }
}
