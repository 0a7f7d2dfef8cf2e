import PfadObjects
import PfadRepository
import PfadStore

/// Builds the pack a fetch (server side) or a push (client side) sends: the
/// objects reachable from `wants` and not from `haves`, in git's pack order
/// (see `ObjectEnumeration` for the exact set), written as a version-2 pack
/// and streamed as it is produced.
///
/// Reuse: a delta a pack already stores is copied byte for byte (CRC
/// checked) when its base is sent too — no search, no inflating, no
/// deflating; the objects left whole are searched with `DeltaSearch`
/// (window/depth as `pack.window`/`pack.depth`) with the objects a pack
/// stores whole as possible bases; those keep their stored form (copied
/// too). A reused chain can grow by up to `depth` levels.
///
/// Memory: the contents of the objects sent whole and the reused delta
/// instructions, plus one batch of compressed entries; the pack itself is
/// never held whole.
public struct PackGenerator: Sendable {
    /// The repository the objects come from.
    public let repository: Repository
    /// Objects tried as delta bases per object (git's `pack.window`, 10).
    public var window = 10
    /// Longest delta chain (git's `pack.depth`, 50).
    public var depth = 50
    /// zlib level (`pack.compression`, default 6).
    public var compressionLevel: Int32 = Zlib.defaultLevel
    /// Delta-search threads; 0 = one per core (`pack.threads`).
    public var threads = 0

    /// A generator over `repository` with git's defaults, overridden by
    /// `pack.window`, `pack.depth`, `pack.threads` and `pack.compression`
    /// where they are valid numbers.
    public init(repository: Repository) {
        self.repository = repository
        if let window = try? repository.settings.getInt("pack.window") { self.window = max(window, 0) }
        if let depth = try? repository.settings.getInt("pack.depth") { self.depth = max(depth, 0) }
        if let threads = try? repository.settings.getInt("pack.threads") { self.threads = max(threads, 0) }
        if let level = try? repository.settings.getInt("pack.compression"), (-1...9).contains(level) {
            compressionLevel = Int32(level)
        }
    }

    /// What the receiving side accepts and wants.
    public struct Options: Sendable {
        /// The receiver accepts deltas against objects it has that are not in
        /// the pack (`thin-pack`): a delta a pack stores against such an
        /// object is then sent as a `REF_DELTA` on it (the receiver completes
        /// the pack, as `git index-pack --fix-thin` does).
        public var thin = false
        /// Also send annotated tags under `refs/tags/` that point at sent
        /// objects (`include-tag`).
        public var includeTag = false
        /// The receiver understands offset deltas (`ofs-delta`). pfad
        /// writes only offset deltas, so without it objects are sent whole.
        public var offsetDeltas = true
        /// Search for deltas at all (off: every object whole, fastest).
        public var deltas = true

        /// Defaults: no thin pack, no tags, offset deltas.
        public init(thin: Bool = false, includeTag: Bool = false, offsetDeltas: Bool = true, deltas: Bool = true) {
            self.thin = thin
            self.includeTag = includeTag
            self.offsetDeltas = offsetDeltas
            self.deltas = deltas
        }
    }

    /// Progress of the phases git reports on the terminal.
    public enum Progress: Sendable {
        /// Objects found so far ("Enumerating objects").
        case enumerating(Int)
        /// Delta search ("Compressing objects").
        case compressing(done: Int, total: Int)
        /// Objects written ("Writing objects").
        case writing(done: Int, total: Int)
    }

    /// What was written.
    public struct Summary: Sendable, Equatable {
        /// Objects in the pack.
        public var objectCount: Int
        /// Of those, stored as deltas.
        public var deltaCount: Int
        /// Size of the pack in bytes, trailer included.
        public var byteCount: UInt64
        /// The pack's trailing checksum.
        public var checksum: ObjectID
    }

    /// The objects a pack for `wants` against `haves` holds, in pack order.
    /// - Throws: `RepositoryError.missingObject` if something reachable
    ///   from a want is absent; parse and I/O errors.
    public func objects(wants: [ObjectID], haves: [ObjectID]) throws -> [ObjectID] {
        try ObjectEnumeration(repository: repository, wants: wants, haves: haves, includeTags: false).objects.map(\.id)
    }

    /// Writes the pack for `wants` against `haves` to `sink` (flushed at the
    /// end). See `write(wants:haves:options:output:progress:)`.
    public func write(
        wants: [ObjectID], haves: [ObjectID], options: Options = Options(), to sink: ByteSink,
        progress: ((Progress) -> Void)? = nil
    ) throws -> Summary {
        let summary = try write(wants: wants, haves: haves, options: options, output: { try sink.write($0) }, progress: progress)
        try sink.flush()
        return summary
    }

    /// Writes the pack for `wants` against `haves`, handing it to `output`
    /// in pieces of about 64 KiB as it is produced. An empty want list gives
    /// a valid pack with no objects.
    /// - Throws: what `objects` throws, what `output` throws,
    ///   `StoreError` from compression.
    public func write(
        wants: [ObjectID], haves: [ObjectID], options: Options = Options(),
        output: @escaping (UnsafeRawBufferPointer) throws -> Void, progress: ((Progress) -> Void)? = nil
    ) throws -> Summary {
        let enumeration = try ObjectEnumeration(
            repository: repository, wants: wants, haves: haves, includeTags: options.includeTag
        ) { count in progress?(.enumerating(count)) }
        var objects = enumeration.objects
        progress?(.enumerating(objects.count))
        let useDeltas = options.deltas && options.offsetDeltas
        var choices = [DeltaChoice?](repeating: nil, count: objects.count)
        // 1. What the packs already hold: a stored delta whose base is sent
        //    too is copied as it is; a stored whole object is copied unless
        //    the search below finds a delta for it.
        var stored = [StoredEntry?](repeating: nil, count: objects.count)
        var externalBases = [ObjectID?](repeating: nil, count: objects.count)
        if useDeltas {
            let lookup = StoredEntries(repository.objects.packed)
            var position: [ObjectID: Int] = [:]
            position.reserveCapacity(objects.count)
            for (i, object) in objects.enumerated() { position[object.id] = i }
            for i in objects.indices {
                guard let entry = try lookup.entry(of: objects[i].id) else { continue }
                if let base = entry.base {
                    if let baseIndex = position[base] {
                        choices[i] = DeltaChoice(base: baseIndex, delta: [], depth: 1)
                    } else if options.thin && enumeration.isOnOtherSide(base) {
                        // Thin pack: the receiver has the base.
                        externalBases[i] = base
                    } else {
                        continue  // a delta on a base nobody has cannot be copied
                    }
                }
                stored[i] = entry
            }
        }
        // 2. Objects not sent as stored deltas: those the packs hold whole
        //    keep that form (the packer searched them already) and only serve
        //    as bases; the others (loose, or deltas on bases not sent) are
        //    searched. Nothing to search: nothing is read.
        let searchable = objects.indices.filter { choices[$0] == nil && externalBases[$0] == nil }
        let targets = searchable.filter { stored[$0] == nil }
        let search = useDeltas && !targets.isEmpty && searchable.count > 1
        for i in (search ? searchable : targets) where objects[i].content == nil {
            guard let raw = try repository.objects.read(objects[i].id) else {
                throw RepositoryError.missingObject(objects[i].id)
            }
            objects[i].content = raw.content
        }
        // 3. The window search.
        if search {
            let search = DeltaSearch(
                window: window, depth: depth, hashLength: repository.algorithm.digestLength, threads: threads)
            let candidates = searchable.map {
                DeltaSearch.Candidate(
                    type: objects[$0].type, content: objects[$0].content ?? [], path: objects[$0].path,
                    isTarget: stored[$0] == nil)
            }
            let total = targets.count
            // The search reports from its worker threads; the caller's
            // closure is not thread-safe, so only the start and the end go out.
            progress?(.compressing(done: 0, total: total))
            for (k, choice) in search.run(candidates).enumerated() {
                guard var choice else { continue }
                choice.base = searchable[choice.base]
                choices[searchable[k]] = choice
            }
            progress?(.compressing(done: total, total: total))
        }
        var entries: [PackEntry] = []
        entries.reserveCapacity(objects.count)
        for i in objects.indices {
            // A stored form is only used when it matches the chosen form.
            let form = stored[i].flatMap { ($0.base == nil) == (choices[i] == nil && externalBases[i] == nil) ? $0 : nil }
            // Copied entries need no content: let it go.
            let content = form == nil ? objects[i].content ?? [] : []
            objects[i].content = nil
            entries.append(PackEntry(
                id: objects[i].id, type: objects[i].type, content: content, delta: choices[i], stored: form,
                externalBase: externalBases[i]))
        }
        let writer = PackWriter(algorithm: repository.algorithm, compressionLevel: compressionLevel)
        let total = entries.count
        let result = try writer.stream(entries, order: Array(entries.indices), to: output) { done in
            progress?(.writing(done: done, total: total))
        }
        return Summary(
            objectCount: total,
            deltaCount: choices.lazy.filter { $0 != nil }.count + externalBases.lazy.filter { $0 != nil }.count,
            byteCount: result.byteCount, checksum: result.checksum)
    }
}
