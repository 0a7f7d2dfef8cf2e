import PfadObjects

extension IndexFile {
    /// The `DIRC` signature that starts every index file.
    static let signature: [UInt8] = Array("DIRC".utf8)

    /// Parses index bytes of version 2, 3 or 4 (see `Spec/index.md`).
    ///
    /// Verifies the trailing checksum (an all-zero trailer, written by git's
    /// `index.skipHash`, is accepted unchecked), the entry order, keeps optional
    /// extensions raw and refuses unknown required ones. O(n) in the file size.
    public static func parse(_ bytes: [UInt8], algorithm: HashAlgorithm) throws -> IndexFile {
        try parse(bytes, algorithm: algorithm, file: "<memory>")
    }

    /// Parses index bytes read from `file` (the name only appears in errors).
    public static func parse(_ bytes: [UInt8], algorithm: HashAlgorithm, file: String) throws -> IndexFile {
        try bytes.withUnsafeBytes { try parse(raw: $0, algorithm: algorithm, file: file) }
    }

    /// Parses index bytes in a raw buffer (a mapped file); every value is
    /// copied out, so the buffer need only live during the call.
    static func parse(
        raw bytes: UnsafeRawBufferPointer, algorithm: HashAlgorithm, file: String, verifyChecksum: Bool = true
    ) throws -> IndexFile {
        let hashLength = algorithm.digestLength
        guard bytes.count >= 12 + hashLength else { throw IndexError.truncated(file: file, offset: bytes.count) }
        guard bytes[0..<4].elementsEqual(signature) else { throw IndexError.badSignature(file: file) }
        let contentEnd = bytes.count - hashLength
        if verifyChecksum { try Self.verifyChecksum(bytes, contentEnd: contentEnd, algorithm: algorithm, file: file) }

        var reader = IndexByteReader(bytes, file: file, end: contentEnd, offset: 4)
        let version = try reader.uint32()
        guard (2...4).contains(version) else { throw IndexError.unsupportedVersion(file: file, version: version) }
        let count = try reader.uint32()

        var entries: [IndexEntry] = []
        entries.reserveCapacity(min(Int(count), reader.remaining / (42 + hashLength)))
        var previousPath: [UInt8] = []
        for _ in 0..<count {
            let start = reader.offset
            let entry = try readEntry(&reader, version: version, algorithm: algorithm, previousPath: previousPath)
            if let last = entries.last {
                let order = compare(last.path, last.stage, entry.path, entry.stage)
                if order >= 0 || (last.path == entry.path && last.stage == 0) {
                    throw IndexError.unsortedEntries(file: file, path: entry.path)
                }
            }
            guard !entry.path.isEmpty else {
                throw IndexError.malformedEntry(file: file, offset: start, reason: "empty path")
            }
            previousPath = entry.path
            entries.append(entry)
        }

        var extensions: [IndexExtension] = []
        while reader.remaining > 0 {
            let start = reader.offset
            let signature = try reader.take(4)
            let size = try reader.uint32()
            let data = try reader.take(Int(size))
            let ext = IndexExtension(signature: signature, data: data)
            guard ext.isOptional else {
                throw IndexError.unsupportedExtension(file: file, signature: ext.name, offset: start)
            }
            extensions.append(ext)
        }
        var index = IndexFile(version: version, entries: [], extensions: [])
        index.entries = entries
        index.extensions = extensions
        return index
    }

    private static func verifyChecksum(
        _ bytes: UnsafeRawBufferPointer, contentEnd: Int, algorithm: HashAlgorithm, file: String
    ) throws {
        let stored = bytes[contentEnd...]
        guard !stored.allSatisfy({ $0 == 0 }) else { return }
        let computed = algorithm.digest(UnsafeRawBufferPointer(rebasing: bytes[..<contentEnd]))
        guard computed.bytes.elementsEqual(stored) else {
            throw IndexError.checksumMismatch(file: file, expected: Hex.encode(stored), actual: computed.hex)
        }
    }

    /// Size of the fixed part of an entry before the path: ten 32-bit stat fields, the id, the flags.
    static func fixedEntrySize(_ algorithm: HashAlgorithm, extended: Bool) -> Int {
        40 + algorithm.digestLength + 2 + (extended ? 2 : 0)
    }

    private static func readEntry(
        _ reader: inout IndexByteReader, version: UInt32, algorithm: HashAlgorithm, previousPath: [UInt8]
    ) throws -> IndexEntry {
        let start = reader.offset
        let ctime = IndexTime(seconds: try reader.uint32(), nanoseconds: try reader.uint32())
        let mtime = IndexTime(seconds: try reader.uint32(), nanoseconds: try reader.uint32())
        let dev = try reader.uint32()
        let ino = try reader.uint32()
        let mode = try reader.uint32()
        let uid = try reader.uint32()
        let gid = try reader.uint32()
        let size = try reader.uint32()
        let id = ObjectID(uncheckedBytes: try reader.take(algorithm.digestLength))
        let flags = try reader.uint16()
        var extended: UInt16 = 0
        let hasExtended = flags & IndexEntry.extendedBit != 0
        if hasExtended {
            extended = try reader.uint16()
            let known = IndexEntry.skipWorktreeBit | IndexEntry.intentToAddBit
            guard extended & ~known == 0 else {
                throw IndexError.malformedEntry(file: reader.file, offset: start, reason: "unknown extended flags")
            }
        }
        let path: [UInt8]
        if version == 4 {
            let stripCount = try reader.offsetVarint()
            guard stripCount <= previousPath.count else {
                throw IndexError.malformedEntry(file: reader.file, offset: start, reason: "prefix length beyond previous path")
            }
            var built: [UInt8] = []
            built.reserveCapacity(previousPath.count - stripCount + (reader.lengthToNul() ?? 0))
            built.append(contentsOf: previousPath[..<(previousPath.count - stripCount)])
            try reader.appendNulTerminated(to: &built)
            path = built
        } else {
            let nameLength = Int(flags & IndexEntry.nameLengthMask)
            if nameLength < Int(IndexEntry.nameLengthMask) {
                path = try reader.take(nameLength)
                guard !path.contains(0) else {
                    throw IndexError.malformedEntry(file: reader.file, offset: start, reason: "NUL inside path")
                }
            } else {
                path = try reader.nulTerminated()
                reader.offset -= 1
            }
            let entryLength = (fixedEntrySize(algorithm, extended: hasExtended) + path.count + 8) & ~7
            guard start + entryLength <= reader.end else { throw IndexError.truncated(file: reader.file, offset: start) }
            guard try reader.byte(at: reader.offset) == 0 else {
                throw IndexError.malformedEntry(file: reader.file, offset: start, reason: "path not NUL-terminated")
            }
            reader.offset = start + entryLength
        }
        return IndexEntry(
            path: path, id: id, mode: mode, stage: UInt8((flags >> 12) & 3),
            ctime: ctime, mtime: mtime, dev: dev, ino: ino, uid: uid, gid: gid, size: size,
            assumeValid: flags & IndexEntry.assumeValidBit != 0,
            skipWorktree: extended & IndexEntry.skipWorktreeBit != 0,
            intentToAdd: extended & IndexEntry.intentToAddBit != 0)
    }
}
