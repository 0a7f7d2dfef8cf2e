#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread-safe cache of resolved delta bases keyed by (pack, offset),
/// bounded by total content bytes, evicting least recently used entries
/// (git's `core.deltaBaseCacheLimit`, 96 MiB by default).
///
/// Eviction works in batches (down to three quarters of the limit), so each
/// insertion costs O(1) amortised plus O(n log n) per batch.
public final class DeltaBaseCache: @unchecked Sendable {
    /// Key: pack number and entry offset.
    public struct Key: Hashable, Sendable {
        /// The pack's number in its database.
        public var pack: Int
        /// The entry's offset in the pack.
        public var offset: Int
        /// A key from its parts.
        public init(pack: Int, offset: Int) {
            self.pack = pack
            self.offset = offset
        }
    }

    private struct Entry {
        var object: RawObject
        var lastUse: UInt64
    }

    /// The byte limit.
    public let limit: Int
    private var entries: [Key: Entry] = [:]
    private var bytes = 0
    private var clock: UInt64 = 0
    private let mutex = PThreadMutex()

    /// An empty cache holding at most `limit` content bytes.
    public init(limit: Int = 96 << 20) {
        self.limit = limit
    }


    /// Total content bytes held.
    public var byteCount: Int {
        mutex.lock()
        defer { mutex.unlock() }
        return bytes
    }

    /// The cached object for `key`, marking it recently used. O(1).
    public func get(_ key: Key) -> RawObject? {
        mutex.lock()
        defer { mutex.unlock() }
        guard var entry = entries[key] else { return nil }
        clock += 1
        entry.lastUse = clock
        entries[key] = entry
        return entry.object
    }

    /// Stores `object` under `key` unless it alone exceeds a quarter of the limit.
    public func put(_ key: Key, _ object: RawObject) {
        let size = object.content.count
        guard size <= limit / 4 else { return }
        mutex.lock()
        defer { mutex.unlock() }
        clock += 1
        if let old = entries.updateValue(Entry(object: object, lastUse: clock), forKey: key) {
            bytes -= old.object.content.count
        }
        bytes += size
        if bytes > limit { evict() }
    }

    private func evict() {
        let target = limit / 4 * 3
        for (key, entry) in entries.sorted(by: { $0.value.lastUse < $1.value.lastUse }) {
            if bytes <= target { break }
            entries[key] = nil
            bytes -= entry.object.content.count
        }
    }
}
