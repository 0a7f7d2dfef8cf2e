import PfadObjects

extension IndexFile {
    /// The version `serialized` writes: 4 if `version` is 4, else 3 when an
    /// entry has skip-worktree or intent-to-add set, else 2.
    public var versionToWrite: UInt32 {
        if version == 4 { return 4 }
        return entries.contains(where: \.needsExtendedFlags) ? 3 : 2
    }

    /// The file bytes: header, entries (NUL-padded to multiples of eight in
    /// versions 2 and 3, prefix-compressed in version 4), optional extensions
    /// (except the layout-dependent `EOIE`/`IEOT`) and the checksum trailer.
    ///
    /// Throws `IndexError.invalidEntry` for an id of the wrong length, a path
    /// that is empty or contains NUL, or a stage above 3, and
    /// `IndexError.unsortedEntries` when `entries` is out of order or has a
    /// (path, stage) twice — git would refuse such a file. O(n).
    public func serialized(algorithm: HashAlgorithm) throws -> [UInt8] {
        let version = versionToWrite
        var out: [UInt8] = []
        out.reserveCapacity(12 + entries.count * 96 + algorithm.digestLength)
        out += Self.signature
        Self.append32(version, to: &out)
        Self.append32(UInt32(truncatingIfNeeded: entries.count), to: &out)
        var previousPath: [UInt8] = []
        var previous: IndexEntry? = nil
        for entry in entries {
            try Self.validate(entry, algorithm: algorithm)
            if let previous, Self.compare(previous.path, previous.stage, entry.path, entry.stage) >= 0 {
                throw IndexError.unsortedEntries(file: "<memory>", path: entry.path)
            }
            previous = entry
            let start = out.count
            // Field by field, byte by byte: array literals here cost an
            // allocation each, per entry (visible when status rewrites the index).
            Self.append32(entry.ctime.seconds, to: &out)
            Self.append32(entry.ctime.nanoseconds, to: &out)
            Self.append32(entry.mtime.seconds, to: &out)
            Self.append32(entry.mtime.nanoseconds, to: &out)
            Self.append32(entry.dev, to: &out)
            Self.append32(entry.ino, to: &out)
            Self.append32(entry.mode, to: &out)
            Self.append32(entry.uid, to: &out)
            Self.append32(entry.gid, to: &out)
            Self.append32(entry.size, to: &out)
            out += entry.id.bytes
            Self.append16(entry.flags, to: &out)
            if entry.needsExtendedFlags { Self.append16(entry.extendedFlags, to: &out) }
            if version == 4 {
                let common = zip(previousPath, entry.path).prefix { $0 == $1 }.count
                out += Self.encodeOffsetVarint(previousPath.count - common)
                out += entry.path[common...]
                out.append(0)
                previousPath = entry.path
            } else {
                out += entry.path
                let length = (out.count - start + 8) & ~7
                for _ in 0..<(start + length - out.count) { out.append(0) }
            }
        }
        for ext in extensions where !ext.describesFileLayout {
            out += ext.signature
            Self.append32(UInt32(truncatingIfNeeded: ext.data.count), to: &out)
            out += ext.data
        }
        out += algorithm.digest(out).bytes
        return out
    }

    private static func validate(_ entry: IndexEntry, algorithm: HashAlgorithm) throws {
        guard entry.id.bytes.count == algorithm.digestLength else {
            throw IndexError.invalidEntry(path: entry.path, reason: "object id is not a \(algorithm.rawValue) id")
        }
        guard !entry.path.isEmpty, !entry.path.contains(0) else {
            throw IndexError.invalidEntry(path: entry.path, reason: "path is empty or contains NUL")
        }
        guard entry.stage <= 3 else {
            throw IndexError.invalidEntry(path: entry.path, reason: "stage \(entry.stage) above 3")
        }
    }

    static func append32(_ value: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value >> 24))
        out.append(UInt8(truncatingIfNeeded: value >> 16))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
        out.append(UInt8(truncatingIfNeeded: value))
    }

    static func append16(_ value: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value >> 8))
        out.append(UInt8(truncatingIfNeeded: value))
    }

    /// The pack format's offset encoding (most significant group first, each
    /// continuation group stored minus one), used for version-4 prefix lengths.
    static func encodeOffsetVarint(_ value: Int) -> [UInt8] {
        var remaining = value
        var bytes = [UInt8(remaining & 0x7F)]
        remaining >>= 7
        while remaining > 0 {
            remaining -= 1
            bytes.append(0x80 | UInt8(remaining & 0x7F))
            remaining >>= 7
        }
        return bytes.reversed()
    }
}
