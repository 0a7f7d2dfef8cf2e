import PfadDiff
import PfadObjects

/// Line ids of blob contents for blame's diffs: one interner for all
/// versions, so equal lines of different versions get equal ids, and each
/// version is read and split once while it is needed.
///
/// The interner keeps a copy of every version it saw; `trim()` (called
/// between two diffs, never inside one) starts afresh past `storageLimit`
/// bytes, emptying the cache with it so ids of different generations are
/// never compared.
struct BlameLineCache {
    private var interner = LineInterner(expected: 4096)
    private var ids: [ObjectID: [Int32]] = [:]
    private var widths: [ObjectID: [Int16]] = [:]
    private var storedBytes = 0
    private let storageLimit = 64 << 20

    /// The number of distinct lines seen in this generation (an alphabet
    /// bound for `EditScript.compute`).
    var alphabet: Int { interner.count }

    /// Whether the ids of `blob` are cached.
    func contains(_ blob: ObjectID) -> Bool { ids[blob] != nil }

    /// The line ids of `blob`, read with `load` when not cached.
    mutating func lineIDs(of blob: ObjectID, load: () throws -> [UInt8]) rethrows -> [Int32] {
        if let cached = ids[blob] { return cached }
        let content = try load()
        return insert(blob, content: content)
    }

    /// Interns `content` under `blob`; returns its ids.
    @discardableResult
    mutating func insert(_ blob: ObjectID, content: [UInt8]) -> [Int32] {
        storedBytes += content.count
        let ranges = LineSplitter.lineRanges(content)
        let lineIDs = interner.intern(content, ranges: ranges)
        ids[blob] = lineIDs
        widths[blob] = ranges.map { Int16(LineIndentation.width(content[$0])) }
        return lineIDs
    }

    /// Starts a new interner generation when the stored copies exceed the limit.
    mutating func trim() {
        guard storedBytes > storageLimit else { return }
        interner = LineInterner(expected: 4096)
        ids.removeAll(keepingCapacity: true)
        widths.removeAll(keepingCapacity: true)
        storedBytes = 0
    }

    /// The indentation widths of `blob`'s lines (for the indent
    /// heuristic), if its ids are cached.
    func lineWidths(of blob: ObjectID) -> [Int16]? { widths[blob] }

    /// Forgets `blob` (its ids stay valid for values already returned).
    mutating func forget(_ blob: ObjectID) {
        ids[blob] = nil
        widths[blob] = nil
    }
}
