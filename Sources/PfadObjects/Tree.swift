/// A tree object: a sorted list of named entries.
///
/// Parse with `Tree.parse(_:algorithm:)`, write with `serialized()`.
/// Entries are kept in the order they were read; build new trees through
/// `Tree.sorted(_:)` so they are in git's order.
public struct Tree: Hashable, Sendable {
    /// The entries, in stored order.
    public var entries: [TreeEntry]

    /// A tree holding `entries` as given (call `Tree.sorted(_:)` first for
    /// new trees).
    public init(entries: [TreeEntry]) {
        self.entries = entries
    }

    /// The key git orders tree entries by: the name bytes, with a `/`
    /// appended for directories (so `a.b` < `a/` < `a0`).
    public static func sortKey(name: [UInt8], isDirectory: Bool) -> [UInt8] {
        isDirectory ? name + [0x2F] : name
    }

    /// True if `lhs` comes before `rhs` in git's tree order. O(name length).
    public static func precedes(_ lhs: TreeEntry, _ rhs: TreeEntry) -> Bool {
        lhs.sortKey.lexicographicallyPrecedes(rhs.sortKey)
    }

    /// `entries` in git's tree order. O(n log n).
    public static func sorted(_ entries: [TreeEntry]) -> [TreeEntry] {
        entries.sorted(by: precedes)
    }

    /// Same as `sorted(_:)`; the name used in the task description.
    public static func sorting(_ entries: [TreeEntry]) -> [TreeEntry] {
        sorted(entries)
    }

    /// The entry named `name`, if any. O(n).
    public func entry(named name: [UInt8]) -> TreeEntry? {
        entries.first { $0.name == name }
    }
}
