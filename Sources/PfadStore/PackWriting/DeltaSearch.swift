#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import PfadObjects

/// Chooses delta bases for a set of objects the way
/// `Documentation/technical/pack-heuristics.txt` describes git's search:
/// sort the objects by type, by a hash of their path (same file names end up
/// next to each other), then by size, largest first; slide a window over
/// the sorted list and try the previous `window` objects of the same type as
/// bases for each object, keeping the smallest delta; never let a chain grow
/// deeper than `depth`.
///
/// Big lists are cut into one segment per core at path boundaries and
/// searched in parallel (deltas never cross a segment border).
public struct DeltaSearch: Sendable {
    /// One object offered to the search.
    public struct Candidate: Sendable {
        /// The object's type; only objects of one type are deltas of each other.
        public var type: ObjectType
        /// The content.
        public var content: [UInt8]
        /// The path it was reached by (empty for commits and tags).
        public var path: [UInt8]
        /// False for an object that may serve as a base but keeps its form
        /// (already stored well, e.g. whole in a pack being reused).
        public var isTarget: Bool

        /// A candidate from its parts.
        public init(type: ObjectType, content: [UInt8], path: [UInt8], isTarget: Bool = true) {
            self.type = type
            self.content = content
            self.path = path
            self.isTarget = isTarget
        }
    }

    /// How many previous objects are tried as bases (git's `--window`, default 10).
    public var window: Int
    /// Longest delta chain (git's `--depth`, default 50).
    public var depth: Int
    /// Objects smaller than this are never deltified (too small to gain).
    public var minimumSize: Int
    /// Digest length of the repository's ids (a REF/OFS entry costs about that much).
    public var hashLength: Int
    /// Parallel segments; 0 = one per core.
    public var threads: Int

    /// A search with git's defaults (window 10, depth 50).
    public init(window: Int = 10, depth: Int = 50, minimumSize: Int = 48, hashLength: Int = 20, threads: Int = 0) {
        self.window = max(window, 0)
        self.depth = max(depth, 0)
        self.minimumSize = minimumSize
        self.hashLength = hashLength
        self.threads = threads
    }

    /// A 32-bit sort key of a path that groups equal file names and, near
    /// them, names with the same ending: the last sixteen non-blank bytes,
    /// the final byte weighing most.
    public static func nameHash(_ path: [UInt8]) -> UInt32 {
        var tail: [UInt8] = []
        for byte in path.reversed() where byte > 0x20 {
            if tail.count == 16 { break }
            tail.append(byte)
        }
        var hash: UInt32 = 0
        // Oldest bytes first: each later byte enters at the top and pushes the
        // earlier ones down, so the name's last bytes dominate the key.
        for byte in tail.reversed() { hash = hash >> 2 &+ UInt32(byte) << 24 }
        return hash
    }

    /// The sorted order: type, name hash, path, size descending, then input order.
    func sortedOrder(_ candidates: [Candidate]) -> [Int] {
        let keys = candidates.map { Self.nameHash($0.path) }
        func rank(_ type: ObjectType) -> Int {
            switch type {
            case .commit: return 0
            case .tree: return 1
            case .blob: return 2
            case .tag: return 3
            }
        }
        return candidates.indices.sorted { a, b in
            let x = candidates[a]
            let y = candidates[b]
            if x.type != y.type { return rank(x.type) < rank(y.type) }
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            if x.path != y.path { return x.path.lexicographicallyPrecedes(y.path) }
            if x.content.count != y.content.count { return x.content.count > y.content.count }
            return a < b
        }
    }

    /// The delta chosen for each candidate (same indices), nil where the
    /// object is best stored whole. O(n × window × object size); memory holds
    /// one `DeltaIndex` per window slot per thread.
    /// `progress` is called with the number of objects done (from any thread).
    public func run(_ candidates: [Candidate], progress: (@Sendable (Int) -> Void)? = nil) -> [DeltaChoice?] {
        guard window > 0, depth > 0, candidates.count > 1 else { return Array(repeating: nil, count: candidates.count) }
        let order = sortedOrder(candidates)
        let segments = split(order, candidates: candidates)
        let results = SlotArray<DeltaChoice?>(count: candidates.count, initial: nil)
        let counter = ProgressCounter()
        DispatchQueue.concurrentPerform(iterations: segments.count) { s in
            searchSegment(segments[s], candidates: candidates, results: results) {
                if let progress { progress(counter.add(1)) }
            }
        }
        return Array(results.values.prefix(candidates.count))
    }

    /// Cuts `order` into one part per thread, moving each cut to the next
    /// change of path so the versions of one file stay together.
    private func split(_ order: [Int], candidates: [Candidate]) -> [ArraySlice<Int>] {
        let parts = threads > 0 ? threads : ProcessInfoCores.count
        guard parts > 1, order.count >= 2_000 else { return [order[...]] }
        var segments: [ArraySlice<Int>] = []
        var start = 0
        for part in 1..<parts {
            var cut = max(order.count * part / parts, start)
            while cut < order.count && cut > 0 && candidates[order[cut]].path == candidates[order[cut - 1]].path
                && candidates[order[cut]].type == candidates[order[cut - 1]].type
            {
                cut += 1
            }
            segments.append(order[start..<cut])
            start = cut
        }
        segments.append(order[start...])
        return segments.filter { !$0.isEmpty }
    }

    /// The window search over one segment.
    private func searchSegment(
        _ segment: ArraySlice<Int>, candidates: [Candidate], results: SlotArray<DeltaChoice?>, tick: () -> Void
    ) {
        var depths: [Int: Int] = [:]
        var slots: [(index: Int, deltaIndex: DeltaIndex?)] = []
        slots.reserveCapacity(window)
        for index in segment {
            defer { tick() }
            let target = candidates[index]
            if target.content.count < minimumSize { continue }
            var best: DeltaChoice?
            for slot in slots.indices.reversed() where target.isTarget {
                let baseIndex = slots[slot].index
                let base = candidates[baseIndex]
                guard base.type == target.type else { continue }
                let baseDepth = depths[baseIndex] ?? 0
                guard baseDepth < depth else { continue }
                // git's limit: half the object, shrinking as the chain gets deeper.
                var limit = (target.content.count / 2 - hashLength) * (depth - baseDepth) / depth
                if let best { limit = min(limit, best.delta.count - 1) }
                guard limit > 0 else { continue }
                // A much smaller object, or a size difference beyond the limit, cannot pay.
                if target.content.count < base.content.count / 32 { continue }
                if target.content.count > base.content.count && target.content.count - base.content.count > limit { continue }
                if slots[slot].deltaIndex == nil { slots[slot].deltaIndex = DeltaIndex(base: base.content) }
                guard let deltaIndex = slots[slot].deltaIndex,
                    let delta = DeltaEncoder.encode(index: deltaIndex, target: target.content, maxSize: limit)
                else { continue }
                best = DeltaChoice(base: baseIndex, delta: delta, depth: baseDepth + 1)
            }
            if let best {
                results.set(index, best)
                depths[index] = best.depth
            }
            if slots.count == window { slots.removeFirst() }
            slots.append((index, nil))
        }
    }
}
