/// The result of comparing two sequences of interned elements (lines or
/// words): the ordered, non-overlapping chunks that turn the old sequence
/// into the new one. Everything outside the chunks is matched one-to-one.
public struct EditScript: Sendable, Hashable {
    /// Number of elements of the old sequence.
    public let oldCount: Int
    /// Number of elements of the new sequence.
    public let newCount: Int
    /// The changes, in increasing order on both sides.
    public let chunks: [DiffChunk]

    /// Creates a script from chunks (not validated).
    public init(oldCount: Int, newCount: Int, chunks: [DiffChunk]) {
        self.oldCount = oldCount
        self.newCount = newCount
        self.chunks = chunks
    }

    /// Compares two sequences of ids (equal ids mean equal elements) with
    /// `algorithm`, then places ambiguous change groups as git does: with
    /// `indentation` (one width per element of each side) by git's indent
    /// heuristic, its default for line diffs; without, as git's
    /// `--no-indent-heuristic`.
    /// `alphabet`, if given, should exceed every id (ids outside `0..<alphabet`
    /// are renumbered first).
    /// Time depends on the algorithm (see `DiffAlgorithm`); space O(N+M).
    public static func compute(
        old: [Int32], new: [Int32], algorithm: DiffAlgorithm = .myers, alphabet: Int? = nil,
        indentation: LineIndentation? = nil
    ) -> EditScript {
        let low = min(old.min() ?? 0, new.min() ?? 0)
        let high = Int(max(old.max() ?? 0, new.max() ?? 0))
        let hasElements = !old.isEmpty || !new.isEmpty
        if hasElements && (low < 0 || high >= (alphabet ?? Int.max)) {
            // Ids outside 0..<alphabet: renumber them densely first.
            var dense: [Int32: Int32] = [:]
            let remap = { (x: Int32) -> Int32 in
                if let id = dense[x] { return id }
                let id = Int32(dense.count)
                dense[x] = id
                return id
            }
            let oldDense = old.map(remap)
            let newDense = new.map(remap)
            return compute(
                old: oldDense, new: newDense, algorithm: algorithm, alphabet: max(1, dense.count),
                indentation: indentation)
        }
        var changedOld = [Bool](repeating: false, count: old.count)
        var changedNew = [Bool](repeating: false, count: new.count)
        let size = max(1, alphabet ?? (high + 1))
        switch algorithm {
        case .myers, .minimal:
            MyersDiff.run(
                old[...], new[...], changedA: &changedOld, changedB: &changedNew,
                minimal: algorithm == .minimal, alphabet: size)
        case .patience:
            PatienceDiff.run(old, new, alphabet: size, changedA: &changedOld, changedB: &changedNew)
        case .histogram:
            HistogramDiff.run(old, new, alphabet: size, changedA: &changedOld, changedB: &changedNew)
        }
        let widths = indentation.flatMap { $0.old.count == old.count && $0.new.count == new.count ? $0 : nil }
        Compaction.compact(ids: old, changed: &changedOld, otherChanged: changedNew, widths: widths?.old)
        Compaction.compact(ids: new, changed: &changedNew, otherChanged: changedOld, widths: widths?.new)
        return EditScript(marksOld: changedOld, marksNew: changedNew)
    }

    /// Builds the chunks from per-element change marks. O(N+M).
    init(marksOld: [Bool], marksNew: [Bool]) {
        var chunks: [DiffChunk] = []
        var i = 0, j = 0
        let n = marksOld.count, m = marksNew.count
        while i < n || j < m {
            let oldChanged = i < n && marksOld[i]
            let newChanged = j < m && marksNew[j]
            if oldChanged || newChanged {
                var i2 = i, j2 = j
                while i2 < n && marksOld[i2] { i2 += 1 }
                while j2 < m && marksNew[j2] { j2 += 1 }
                chunks.append(DiffChunk(oldStart: i, oldCount: i2 - i, newStart: j, newCount: j2 - j))
                i = i2
                j = j2
            } else {
                i += 1
                j += 1
            }
        }
        self.init(oldCount: n, newCount: m, chunks: chunks)
    }

    /// Number of inserted elements.
    public var insertions: Int { chunks.reduce(0) { $0 + $1.newCount } }
    /// Number of deleted elements.
    public var deletions: Int { chunks.reduce(0) { $0 + $1.oldCount } }
    /// Whether the two sequences are equal.
    public var isEmpty: Bool { chunks.isEmpty }

    /// Replays the script: the old elements with every chunk replaced by
    /// the corresponding new elements. Used to check scripts. O(N+M).
    public func apply<Element>(old: [Element], new: [Element]) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(new.count)
        var i = 0
        for chunk in chunks {
            if chunk.oldStart > i { result.append(contentsOf: old[i..<chunk.oldStart]) }
            result.append(contentsOf: new[chunk.newStart..<chunk.newEnd])
            i = chunk.oldEnd
        }
        if i < old.count { result.append(contentsOf: old[i...]) }
        return result
    }
}
