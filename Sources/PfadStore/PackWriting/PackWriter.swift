#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib
import Dispatch
import PfadObjects

/// Writes a version-2 packfile (`Documentation/gitformat-pack.txt`): the
/// `PACK` signature, version 2 and the object count (big-endian), then one
/// entry per object — a type/size header, for offset deltas the distance
/// back to the base entry, and zlib data — and finally the hash of
/// everything before it.
///
/// Deltas are written as `OFS_DELTA` and every base precedes the objects
/// based on it. Entries are compressed on all cores a batch at a time, then written in
/// order, to a file descriptor or streamed to a closure.
public struct PackWriter: Sendable {
    /// The repository's hash function (trailer and ids).
    public var algorithm: HashAlgorithm
    /// zlib level for entries (git's `pack.compression`, default -1 = 6).
    public var compressionLevel: Int32

    /// A writer for `algorithm` at `compressionLevel`.
    public init(algorithm: HashAlgorithm, compressionLevel: Int32 = Zlib.defaultLevel) {
        self.algorithm = algorithm
        self.compressionLevel = compressionLevel
    }

    /// A written pack: its checksum (trailer) and where each object went.
    public struct Result: Sendable {
        /// The pack's trailing checksum, which also names the files.
        public var checksum: ObjectID
        /// One record per object, in pack order.
        public var objects: [PackIndexEntry]
        /// Size of the pack file in bytes.
        public var byteCount: UInt64
    }

    /// The order in which `entries` are written: `order` (git writes
    /// recency order), except that a delta's base chain is written first
    /// when it has not been yet. Entries missing from `order` follow at the
    /// end; a delta whose base is out of range or forms a cycle is written
    /// whole (see `write`). O(n).
    static func sequence(_ entries: [PackEntry], order: [Int]) -> (sequence: [Int], whole: Set<Int>) {
        var placed = [Bool](repeating: false, count: entries.count)
        var whole = Set<Int>()
        var sequence: [Int] = []
        sequence.reserveCapacity(entries.count)
        for start in order + Array(entries.indices) where entries.indices.contains(start) && !placed[start] {
            // Collect the unwritten part of the chain, then write it base first.
            var chain: [Int] = []
            var onChain = Set<Int>()
            var current = start
            while true {
                chain.append(current)
                onChain.insert(current)
                guard let delta = entries[current].delta else { break }
                guard entries.indices.contains(delta.base), entries[delta.base].type == entries[current].type,
                    !onChain.contains(delta.base)
                else {
                    whole.insert(current)
                    break
                }
                if placed[delta.base] { break }
                current = delta.base
            }
            for index in chain.reversed() {
                placed[index] = true
                sequence.append(index)
            }
        }
        return (sequence, whole)
    }

    /// Writes the pack for `entries` to the open descriptor `fd` (`path` is
    /// for messages), in `order` with bases first. See `stream`.
    /// - Throws: `StoreError.io` on write failures,
    ///   `StoreError.sizeLimitExceeded` beyond 2³² − 1 objects.
    public func write(_ entries: [PackEntry], order: [Int], to fd: Int32, path: String) throws -> Result {
        var sink = PackSink(fd: fd, path: path, algorithm: algorithm)
        return try write(entries, order: order, into: &sink, progress: nil)
    }

    /// Writes the pack for `entries` as a stream: `output` receives the
    /// bytes in pieces of about 64 KiB as they are produced, trailer last.
    /// Entries are compressed a batch at a time on all cores, so memory
    /// holds only one batch of compressed data besides `entries` (a pack
    /// can go to a pipe or socket without ever being whole in memory).
    /// `progress` is called with the number of objects written so far.
    /// - Throws: whatever `output` throws, `StoreError.sizeLimitExceeded`
    ///   beyond 2³² − 1 objects, `StoreError.corruptZlib` if zlib fails.
    public func stream(
        _ entries: [PackEntry], order: [Int], to output: @escaping (UnsafeRawBufferPointer) throws -> Void,
        progress: ((Int) -> Void)? = nil
    ) throws -> Result {
        var sink = PackSink(algorithm: algorithm, output: output)
        return try write(entries, order: order, into: &sink, progress: progress)
    }

    /// Objects compressed together before their bytes are written.
    static let batchSize = 512

    private func write(_ entries: [PackEntry], order: [Int], into sink: inout PackSink, progress: ((Int) -> Void)?) throws -> Result {
        guard let objectCount = UInt32(exactly: entries.count) else {
            throw StoreError.sizeLimitExceeded(context: "pack object count", limit: Int(UInt32.max))
        }
        let (sequence, whole) = Self.sequence(entries, order: order)
        // An entry given only as a delta (reused, without content) cannot
        // fall back to being written whole.
        for index in whole where entries[index].delta != nil && (entries[index].stored != nil || entries[index].content.isEmpty) {
            throw StoreError.corruptPack(path: "pack", offset: nil, detail: "delta of \(entries[index].id.hex) has no usable base")
        }
        try sink.append(PackHeader(objectCount: objectCount).encoded)
        var offsets = [UInt64](repeating: 0, count: entries.count)
        var objects: [PackIndexEntry] = []
        objects.reserveCapacity(entries.count)
        var batchStart = 0
        while batchStart < sequence.count {
            let batch = Array(sequence[batchStart..<min(batchStart + Self.batchSize, sequence.count)])
            batchStart += batch.count
            let payloads = try compress(entries, indices: batch, whole: whole)
            for (index, payload) in zip(batch, payloads) {
                let entry = entries[index]
                let offset = sink.written
                offsets[index] = offset
                let kind: PackEntryKind
                let size: Int
                if let base = entry.externalBase, let stored = entry.stored, entry.delta == nil {
                    kind = .refDelta(base: base)
                    size = stored.inflatedSize
                } else if let delta = entry.delta, !whole.contains(index) {
                    kind = .offsetDelta(baseOffset: Int(clamping: offsets[delta.base]))
                    size = entry.stored?.inflatedSize ?? delta.delta.count
                } else {
                    kind = .whole(entry.type)
                    size = entry.stored?.inflatedSize ?? entry.content.count
                }
                let header = try PackEntryHeader.encode(kind, size: size, at: Int(clamping: offset))
                var crc = header.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
                crc = payload.withUnsafeBufferPointer { UInt32(crc32(uLong(crc), $0.baseAddress, uInt($0.count))) }
                try sink.append(header)
                try sink.append(payload)
                objects.append(PackIndexEntry(id: entry.id, offset: offset, crc32: crc))
            }
            progress?(objects.count)
        }
        let checksum = try sink.finish()
        return Result(checksum: checksum, objects: objects, byteCount: sink.written)
    }

    /// The zlib stream of each entry in `indices` (its delta, or its
    /// content when whole), in the same order.
    private func compress(_ entries: [PackEntry], indices: [Int], whole: Set<Int>) throws -> [[UInt8]] {
        let level = compressionLevel
        do {
            return try ParallelChunks.map(count: indices.count) { range in
                let deflater = try Deflater(level: level)
                return range.map { position in
                    let i = indices[position]
                    let entry = entries[i]
                    if let stored = entry.stored { return stored.compressed }
                    let bytes = (whole.contains(i) ? nil : entry.delta?.delta) ?? entry.content
                    return deflater.compress(bytes, [UInt8]())
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.corruptZlib(context: "pack", detail: "\(error)")
        }
    }
}
