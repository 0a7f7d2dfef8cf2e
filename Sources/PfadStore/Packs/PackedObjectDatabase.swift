#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects

/// One pack of a `PackedObjectDatabase`: its index and its data, both mapped.
public struct LoadedPack: Sendable {
    /// The path without extension (`…/objects/pack/pack-<hash>`).
    public let basePath: String
    /// The `.idx`.
    public let index: PackIndex
    /// The `.pack`.
    public let pack: PackFile
}

/// All packs in `objects/pack` (each `pack-*.idx` with its `.pack`), read
/// through memory maps and a shared `DeltaBaseCache`.
///
/// The folder is listed on first use and again whenever a lookup misses and
/// the folder's modification time has changed (a new pack arrived). Packs are
/// searched newest first. Thread-safe.
public final class PackedObjectDatabase: @unchecked Sendable {
    /// The `objects` directory.
    public let objectsDirectory: String
    /// The hash function.
    public let algorithm: HashAlgorithm
    /// The delta base cache.
    public let cache: DeltaBaseCache
    /// The deepest delta chain followed before giving up (also stops REF_DELTA cycles).
    public static let maxDeltaDepth = 10_000
    /// What following a REF_DELTA base into another pack adds to the depth:
    /// such hops recurse, so they are limited to about 100 (git never
    /// writes them; a hostile cross-pack cycle must not exhaust the stack).
    static let crossPackHopCost = 100
    /// Reads a base object outside the packs (loose objects), for thin REF_DELTA bases.
    let fallback: (@Sendable (ObjectID) throws -> RawObject?)?
    let inflaters = ResourcePool { try Inflater() }
    private var loaded: [LoadedPack]?
    /// Packs whose data does not belong to their index (truncated, damaged
    /// or replaced): never read from, so nothing is served from them.
    private var damaged: [LoadedPack] = []
    /// Real types of delta entries already walked, by (pack, offset); cleared when large.
    private var typeCache: [DeltaBaseCache.Key: ObjectType] = [:]
    private var loadedStamp: (Int, Int) = (-1, -1)
    private let mutex = PThreadMutex()

    /// A database over `objectsDirectory/pack`. Nothing is read until first use.
    public init(
        objectsDirectory: String, algorithm: HashAlgorithm, cache: DeltaBaseCache = DeltaBaseCache(),
        fallback: (@Sendable (ObjectID) throws -> RawObject?)? = nil
    ) {
        self.objectsDirectory = objectsDirectory
        self.algorithm = algorithm
        self.cache = cache
        self.fallback = fallback
    }


    /// The packs, loading them on first use.
    public func packs() throws -> [LoadedPack] {
        mutex.lock()
        defer { mutex.unlock() }
        if let loaded { return loaded }
        return try reload()
    }

    /// Lists the folder again if it changed since the last listing; returns true if it did.
    @discardableResult
    public func refresh() throws -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        guard stamp() != loadedStamp else { return false }
        _ = try reload()
        return true
    }

    private func stamp() -> (Int, Int) {
        Self.modificationTime(objectsDirectory + "/pack")
    }

    /// Seconds and nanoseconds of `path`'s modification time; (0, 0) if it cannot be read.
    static func modificationTime(_ path: String) -> (Int, Int) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (0, 0) }
        #if canImport(Darwin)
        return (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        #else
        return (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        #endif
    }

    /// The remembered real type of the entry at `key`.
    func cachedType(_ key: DeltaBaseCache.Key) -> ObjectType? {
        mutex.lock()
        defer { mutex.unlock() }
        return typeCache[key]
    }

    /// Remembers real types of entries (bounded at a million entries).
    func rememberTypes(_ keys: [DeltaBaseCache.Key], _ type: ObjectType) {
        mutex.lock()
        defer { mutex.unlock() }
        if typeCache.count > 1_000_000 { typeCache.removeAll() }
        for key in keys { typeCache[key] = type }
    }

    /// Caller holds the lock.
    private func reload() throws -> [LoadedPack] {
        loadedStamp = stamp()
        typeCache.removeAll()
        let directory = objectsDirectory + "/pack"
        var found: [(LoadedPack, Int)] = []
        var damagedFound: [LoadedPack] = []
        for entry in try POSIX.listDirectory(directory) ?? [] {
            let name = String(decoding: entry.name, as: UTF8.self)
            guard name.hasPrefix("pack-"), name.hasSuffix(".idx") else { continue }
            let base = directory + "/" + name.dropLast(4)
            guard let index = try PackIndex(path: base + ".idx", algorithm: algorithm),
                let pack = try PackFile(path: base + ".pack", algorithm: algorithm)
            else { continue }
            // git's check when it opens a pack: the object count and the
            // trailing checksum must be the ones the index recorded. A
            // truncated or damaged pack fails it and is never read.
            guard index.count == pack.objectCount, index.packChecksum == pack.checksum else {
                damagedFound.append(LoadedPack(basePath: base, index: index, pack: pack))
                continue
            }
            let mtime = Self.modificationTime(base + ".pack").0
            found.append((LoadedPack(basePath: base, index: index, pack: pack), mtime))
        }
        let sorted = found.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.basePath < $1.0.basePath }.map(\.0)
        loaded = sorted
        damaged = damagedFound.sorted { $0.basePath < $1.basePath }
        return sorted
    }

    /// Packs left out because their data does not match their index (git's
    /// "packfile … does not match index"), for `fsck` to report.
    public func damagedPacks() throws -> [LoadedPack] {
        _ = try packs()
        mutex.lock()
        defer { mutex.unlock() }
        return damaged
    }

    /// Where `id` is packed: pack number and offset; nil if in no pack.
    /// With `refreshing`, a miss lists the folder again if it changed
    /// (one `stat`). O(packs × log n).
    /// - Throws: `StoreError.corruptPack` ("does not match index") when
    ///   `id` lives only in a damaged pack: reported, never served.
    public func locate(_ id: ObjectID, refreshing: Bool = true) throws -> (pack: Int, offset: Int)? {
        if let found = try locate(id, in: packs()) { return found }
        if refreshing, try refresh(), let found = try locate(id, in: packs()) { return found }
        for pack in try damagedPacks() where pack.index.lookup(id) != nil {
            throw StoreError.corruptPack(path: pack.basePath + ".pack", offset: nil, detail: "does not match index")
        }
        return nil
    }

    private func locate(_ id: ObjectID, in packs: [LoadedPack]) throws -> (pack: Int, offset: Int)? {
        for (number, loaded) in packs.enumerated() {
            if let i = loaded.index.lookup(id) { return (number, try loaded.index.offset(at: i)) }
        }
        return nil
    }

    /// True if some pack holds `id` (`refreshing` as for `locate`).
    public func contains(_ id: ObjectID, refreshing: Bool = true) -> Bool {
        ((try? locate(id, refreshing: refreshing)) ?? nil) != nil
    }

    /// Number of packed objects (duplicates across packs counted once per pack, as git's count does).
    public func objectCount() throws -> Int {
        try packs().reduce(0) { $0 + $1.index.count }
    }

    /// Every packed id, sorted and without duplicates. O(n log n).
    public func allObjectIDs() throws -> [ObjectID] {
        var ids: [ObjectID] = []
        for loaded in try packs() {
            for i in 0..<loaded.index.count { ids.append(loaded.index.id(at: i)) }
        }
        ids.sort()
        var unique: [ObjectID] = []
        unique.reserveCapacity(ids.count)
        for id in ids where unique.last != id { unique.append(id) }
        return unique
    }

    /// Packed ids starting with lower-case hex `prefix`, sorted, without duplicates.
    public func ids(withHexPrefix prefix: [UInt8]) throws -> [ObjectID] {
        var ids = Set<ObjectID>()
        for loaded in try packs() { ids.formUnion(loaded.index.ids(withHexPrefix: prefix)) }
        return ids.sorted()
    }
}
