import PfadDiff

/// Which chunk of one side of a merge stands for which chunk of the base:
/// equal chunks (white space aside) in order first, then equal chunks
/// elsewhere (moved), then edited chunks by word similarity, wherever
/// they are. Chunks of the base without a partner were deleted by the
/// side; chunks of the side without one were inserted.
struct ChunkAlignment {
    /// For each base chunk, its chunk in the side, or nil when deleted.
    var sideOfBase: [Int?]
    /// For each chunk of the side, its base chunk, or nil when inserted.
    var baseOfSide: [Int?]
    /// Base chunks the side moved: paired, but not among the longest run
    /// of pairs that keeps the base's order.
    var moved: Set<Int>

    /// Two chunks are paired by similarity when the words they share make
    /// at least this share of all their words (Dice coefficient).
    static let similarity = 0.5

    /// Aligns `side` with `base`. Time O(N·D) for the ordered pass plus
    /// O(U·V·w) for the U and V unpaired chunks left.
    init(base: MergeVersion, side: MergeVersion) {
        var sideOfBase = [Int?](repeating: nil, count: base.chunks.count)
        var baseOfSide = [Int?](repeating: nil, count: side.chunks.count)
        func pair(_ b: Int, _ s: Int) {
            sideOfBase[b] = s
            baseOfSide[s] = b
        }
        // 1. Equal chunks in order.
        let script = EditScript.compute(old: base.chunkKeys, new: side.chunkKeys, algorithm: .histogram)
        var b = 0, s = 0
        for chunk in script.chunks {
            while b < chunk.oldStart, s < chunk.newStart {
                pair(b, s)
                b += 1
                s += 1
            }
            b = chunk.oldEnd
            s = chunk.newEnd
        }
        while b < base.chunks.count, s < side.chunks.count {
            pair(b, s)
            b += 1
            s += 1
        }
        // 2. Equal chunks elsewhere: moved unchanged.
        var unpairedByKey: [Int32: [Int]] = [:]
        for s in side.chunks.indices where baseOfSide[s] == nil { unpairedByKey[side.chunkKeys[s], default: []].append(s) }
        for b in base.chunks.indices where sideOfBase[b] == nil {
            guard var candidates = unpairedByKey[base.chunkKeys[b]], !candidates.isEmpty else { continue }
            pair(b, candidates.removeFirst())
            unpairedByKey[base.chunkKeys[b]] = candidates
        }
        // 3. Edited chunks, by the words they share.
        let baseLeft = base.chunks.indices.filter { sideOfBase[$0] == nil }
        let sideLeft = side.chunks.indices.filter { baseOfSide[$0] == nil }
        if !baseLeft.isEmpty, !sideLeft.isEmpty, baseLeft.count * sideLeft.count <= 250_000 {
            let baseBags = baseLeft.map { Self.bag(base, $0) }
            let sideBags = sideLeft.map { Self.bag(side, $0) }
            var candidates: [(score: Double, distance: Int, b: Int, s: Int)] = []
            for (i, bi) in baseLeft.enumerated() {
                for (j, sj) in sideLeft.enumerated() where base.chunks[bi].kind == side.chunks[sj].kind {
                    let score = Self.dice(baseBags[i], sideBags[j])
                    if score >= Self.similarity { candidates.append((score, abs(bi - sj), bi, sj)) }
                }
            }
            candidates.sort { ($0.score, -$0.distance, -$0.b) > ($1.score, -$1.distance, -$1.b) }
            for candidate in candidates where sideOfBase[candidate.b] == nil && baseOfSide[candidate.s] == nil {
                pair(candidate.b, candidate.s)
            }
        }
        self.sideOfBase = sideOfBase
        self.baseOfSide = baseOfSide
        // Moved: the pairs outside a longest increasing run of side positions.
        let pairs = base.chunks.indices.compactMap { b in sideOfBase[b].map { (b, $0) } }
        let kept = Self.longestIncreasing(pairs.map(\.1))
        var moved = Set<Int>()
        for (k, pair) in pairs.enumerated() where !kept.contains(k) { moved.insert(pair.0) }
        self.moved = moved
    }

    /// The chunk's words with their counts.
    static func bag(_ version: MergeVersion, _ chunk: Int) -> [Int32: Int] {
        var bag: [Int32: Int] = [:]
        for id in version.wordIDs[version.chunks[chunk].words] { bag[id, default: 0] += 1 }
        return bag
    }

    /// 2·|shared| / (|a| + |b|) over word counts.
    static func dice(_ a: [Int32: Int], _ b: [Int32: Int]) -> Double {
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        guard total > 0 else { return 1 }
        var shared = 0
        for (id, count) in a { shared += min(count, b[id] ?? 0) }
        return Double(2 * shared) / Double(total)
    }

    /// Indices (into `values`) of a longest strictly increasing
    /// subsequence. O(n log n).
    static func longestIncreasing(_ values: [Int]) -> Set<Int> {
        var tails: [Int] = []  // index into values of the smallest tail of each length
        var previous = [Int](repeating: -1, count: values.count)
        for (k, value) in values.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if values[tails[mid]] < value { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[k] = tails[low - 1] }
            if low == tails.count { tails.append(k) } else { tails[low] = k }
        }
        var result = Set<Int>()
        var k = tails.last ?? -1
        while k >= 0 {
            result.insert(k)
            k = previous[k]
        }
        return result
    }
}
