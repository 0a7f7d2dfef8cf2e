import PfadObjects
import PfadStore

/// Turns the flat, sorted list of index entries into nested tree objects,
/// writing every tree to the object database (`git write-tree`).
public struct TreeBuilder {
    /// The repository trees are written to.
    public let repository: Repository

    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// Writes the trees for `entries` (stage 0, sorted by path) and returns the root.
    /// - Throws: an error naming the first unmerged path, or store write errors.
    /// O(entries + total path length); one object write per folder.
    public func writeTree(from entries: [IndexEntry]) throws -> ObjectID {
        try writeTreeAndCache(from: entries).id
    }

    /// Like `writeTree(from:)`, and also returns the cache tree (`TREE`
    /// extension) describing every folder written.
    public func writeTreeAndCache(from entries: [IndexEntry]) throws -> (id: ObjectID, cache: CacheTree) {
        if let unmerged = entries.first(where: { $0.stage != 0 }) {
            throw RepositoryError.other("\(String(decoding: unmerged.path, as: UTF8.self)): unmerged (\(unmerged.id.hex))")
        }
        let items = entries.map { (path: $0.path[...], mode: FileMode(rawValue: $0.mode), id: $0.id) }
        let (id, cache) = try build(items[...], name: [])
        return (id, cache)
    }

    /// Writes trees for paths given with their modes and ids (sorted by path).
    public func writeTree(from entries: [FlatTreeEntry]) throws -> ObjectID {
        try build(entries.map { (path: $0.path[...], mode: $0.mode, id: $0.id) }[...], name: []).id
    }

    private typealias Item = (path: ArraySlice<UInt8>, mode: FileMode, id: ObjectID)

    /// Builds one level: `items` have paths relative to this folder.
    private func build(_ items: ArraySlice<Item>, name folderName: [UInt8]) throws -> (id: ObjectID, cache: CacheTree) {
        var entries: [TreeEntry] = []
        var caches: [CacheTree] = []
        var i = items.startIndex
        while i < items.endIndex {
            let item = items[i]
            if let slash = item.path.firstIndex(of: 0x2F) {
                let name = Array(item.path[..<slash])
                var children: [Item] = []
                var j = i
                while j < items.endIndex {
                    let path = items[j].path
                    guard path.count > name.count, path[path.startIndex + name.count] == 0x2F,
                          path.starts(with: name) else { break }
                    children.append((path: path.dropFirst(name.count + 1), mode: items[j].mode, id: items[j].id))
                    j += 1
                }
                let (subtree, cache) = try build(children[...], name: name)
                entries.append(TreeEntry(mode: .directory, name: name, id: subtree))
                caches.append(cache)
                i = j
            } else {
                entries.append(TreeEntry(mode: item.mode, name: Array(item.path), id: item.id))
                i += 1
            }
        }
        entries.sort { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }
        let tree = Tree(entries: entries)
        let id = try repository.objects.write(type: .tree, content: tree.serialized())
        // git keeps cache-tree children ordered by name length, then bytes.
        caches.sort { $0.name.count != $1.name.count ? $0.name.count < $1.name.count : $0.name.lexicographicallyPrecedes($1.name) }
        return (id, CacheTree(name: folderName, entryCount: items.count, id: id, children: caches))
    }
}
