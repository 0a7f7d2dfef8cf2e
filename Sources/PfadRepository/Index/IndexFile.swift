#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

/// The index (`$GIT_DIR/index`, "dircache"): the staging area as a value.
///
/// Entries are kept sorted by (path bytes, stage), as git requires. Optional
/// extensions read from disk are kept raw; any change to `entries` drops the
/// ones that describe entries (cache tree, untracked cache, fsmonitor) so that
/// git never trusts stale data. Format: `Spec/index.md`.
public struct IndexFile: Sendable, Hashable {
    /// The version read from disk (2, 3 or 4). `serialized` writes 4 if this is 4,
    /// otherwise 2, or 3 when an entry needs extended flags.
    public var version: UInt32
    /// Entries sorted by (path, stage), each (path, stage) once. Callers that
    /// assign directly must keep that order (`insert`/`remove` do); `serialized`
    /// writes the array as it is. Setting this drops all extensions except `REUC`.
    public var entries: [IndexEntry] {
        didSet { extensions.removeAll { !$0.isResolveUndo } }
    }
    /// Optional extensions as read, in file order.
    public var extensions: [IndexExtension]
    /// The modification time of the index file when it was read (nil for an
    /// absent file or bytes parsed from memory); used for racy-git checks.
    public var timestamp: IndexTime?

    /// An index with the given entries (sorted here) and no extensions.
    public init(version: UInt32 = 2, entries: [IndexEntry] = [], extensions: [IndexExtension] = []) {
        self.version = version
        self.entries = entries.sorted(by: IndexEntry.precedes)
        self.extensions = extensions
        self.timestamp = nil
    }

    /// Compares (path, stage) pairs in index order: `memcmp` on the paths, then stage.
    /// Returns a negative number, zero or a positive number.
    public static func compare(_ lhsPath: [UInt8], _ lhsStage: UInt8, _ rhsPath: [UInt8], _ rhsStage: UInt8) -> Int {
        let c = comparePaths(lhsPath, rhsPath)
        if c != 0 { return c }
        return Int(lhsStage) - Int(rhsStage)
    }

    /// `memcmp` order of two byte strings; a proper prefix sorts first.
    static func comparePaths(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        let n = min(lhs.count, rhs.count)
        if n > 0 {
            let c = lhs.withUnsafeBytes { l in
                rhs.withUnsafeBytes { r -> Int32 in
                    guard let x = l.baseAddress, let y = r.baseAddress else { return 0 }
                    return memcmp(x, y, n)
                }
            }
            if c != 0 { return Int(c) }
        }
        return lhs.count - rhs.count
    }
}

extension IndexFile {
    /// Binary search: the position of (path, stage) if present, else where it would be inserted.
    /// O(log n).
    public func search(path: [UInt8], stage: UInt8 = 0) -> (found: Bool, position: Int) {
        Self.search(entries, path: path, stage: stage)
    }

    /// Binary search over sorted `entries`. O(log n).
    static func search(_ entries: [IndexEntry], path: [UInt8], stage: UInt8) -> (found: Bool, position: Int) {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            let c = Self.compare(entries[mid].path, entries[mid].stage, path, stage)
            if c == 0 { return (true, mid) }
            if c < 0 { low = mid + 1 } else { high = mid }
        }
        return (false, low)
    }

    /// The entry for `path` at `stage`, or nil. O(log n).
    public func entry(path: [UInt8], stage: UInt8 = 0) -> IndexEntry? {
        let (found, position) = search(path: path, stage: stage)
        return found ? entries[position] : nil
    }

    /// All entries (every stage) for `path`, in stage order. O(log n).
    public func entries(path: [UInt8]) -> ArraySlice<IndexEntry> {
        var position = search(path: path, stage: 0).position
        let start = position
        while position < entries.count && entries[position].path == path { position += 1 }
        return entries[start..<position]
    }

    /// True if any entry has `path` exactly (any stage). O(log n).
    public func contains(path: [UInt8]) -> Bool { !entries(path: path).isEmpty }

    /// True if the path has entries at stages 1–3 (an unresolved conflict).
    public func isConflicted(path: [UInt8]) -> Bool { entries(path: path).contains { $0.stage != 0 } }

    /// The sorted paths of all entries, each once (for `WorkTreeWalker`). O(n).
    public var trackedPaths: [[UInt8]] {
        var out: [[UInt8]] = []
        out.reserveCapacity(entries.count)
        for entry in entries {
            // Only conflict stages share a path (a stage-0 entry stands alone),
            // so only they need comparing with the previous path.
            if entry.stage != 0, out.last == entry.path { continue }
            out.append(entry.path)
        }
        return out
    }

    /// Inserts `entry`, replacing an entry with the same path and stage.
    ///
    /// Like `git update-index --add --replace`: a stage-0 entry also removes the
    /// path's conflict stages, and when `replacingConflicts` is true entries that
    /// would clash as file and directory (`a` versus `a/b`) are removed.
    /// O(n) (array insertion).
    public mutating func insert(_ entry: IndexEntry, replacingConflicts: Bool = true) {
        var copy = entries
        if entry.stage == 0 {
            copy.removeAll { $0.path == entry.path && $0.stage != 0 }
        }
        if replacingConflicts {
            Self.removeFileDirectoryConflicts(for: entry.path, in: &copy)
        }
        let (found, position) = Self.search(copy, path: entry.path, stage: entry.stage)
        if found { copy[position] = entry } else { copy.insert(entry, at: position) }
        entries = copy
    }

    /// Removes every stage of `path`; returns true if something was removed. O(n).
    @discardableResult
    public mutating func remove(path: [UInt8]) -> Bool {
        let range = entries(path: path).indices
        guard !range.isEmpty else { return false }
        entries.removeSubrange(range)
        return true
    }

    /// Removes the entry at (`path`, `stage`); returns true if it existed. O(n).
    @discardableResult
    public mutating func remove(path: [UInt8], stage: UInt8) -> Bool {
        let (found, position) = search(path: path, stage: stage)
        guard found else { return false }
        entries.remove(at: position)
        return true
    }

    /// Removes entries below `path + "/"` and entries whose path is a leading directory of `path`.
    private static func removeFileDirectoryConflicts(for path: [UInt8], in entries: inout [IndexEntry]) {
        let slash: UInt8 = 0x2F
        var leadingDirectories = Set<[UInt8]>()
        for (i, byte) in path.enumerated() where byte == slash { leadingDirectories.insert(Array(path[..<i])) }
        let below = path + [slash]
        entries.removeAll { candidate in
            leadingDirectories.contains(candidate.path) || candidate.path.starts(with: below)
        }
    }
}
