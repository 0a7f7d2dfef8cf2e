extension Tree {
    /// Parses the content of a tree object (without the `tree <size>\0`
    /// header). O(n) in the content size.
    ///
    /// Accepts everything git's tree reader accepts (including zero-padded
    /// modes and unsorted entries, which `ObjectChecker` reports);
    /// throws `ObjectError.malformed` with the offset of the broken entry
    /// for a missing space, a non-octal mode, an empty name or a truncated id.
    public static func parse(_ content: [UInt8], algorithm: HashAlgorithm) throws -> Tree {
        var entries: [TreeEntry] = []
        var reader = TreeEntryReader(content: content, algorithm: algorithm)
        while let raw = try reader.next() {
            guard let mode = FileMode(octalBytes: raw.mode) else {
                throw ObjectError.malformed(type: .tree, offset: raw.offset, reason: "malformed mode in tree entry")
            }
            entries.append(TreeEntry(mode: mode, name: raw.name, id: raw.id, writtenMode: Array(raw.mode)))
        }
        return Tree(entries: entries)
    }

    /// The content of the tree object, entries in stored order. O(n).
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 60)
        for entry in entries {
            out += entry.writtenMode ?? entry.mode.octalBytes
            out.append(0x20)
            out += entry.name
            out.append(0)
            out += entry.id.bytes
        }
        return out
    }
}

/// Splits tree content into raw entries without judging modes or names;
/// shared by `Tree.parse` and the fsck tree checks.
struct TreeEntryReader {
    /// One entry as stored.
    struct RawEntry {
        var offset: Int
        var mode: ArraySlice<UInt8>
        var name: [UInt8]
        var id: ObjectID
    }

    let content: [UInt8]
    let algorithm: HashAlgorithm
    private(set) var position = 0

    init(content: [UInt8], algorithm: HashAlgorithm) {
        self.content = content
        self.algorithm = algorithm
    }

    /// The next entry, nil at the end; throws on a structurally broken entry.
    mutating func next() throws -> RawEntry? {
        guard position < content.count else { return nil }
        let start = position
        guard let space = content[start...].firstIndex(of: 0x20),
              let nul = content[space...].firstIndex(of: 0),
              nul + 1 + algorithm.digestLength <= content.count
        else {
            throw ObjectError.malformed(type: .tree, offset: start, reason: "too-short tree object")
        }
        let mode = content[start..<space]
        guard !mode.isEmpty, mode.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) else {
            throw ObjectError.malformed(type: .tree, offset: start, reason: "malformed mode in tree entry")
        }
        guard nul > space + 1 else {
            throw ObjectError.malformed(type: .tree, offset: start, reason: "empty filename in tree entry")
        }
        let idStart = nul + 1
        let id = ObjectID(uncheckedBytes: Array(content[idStart..<idStart + algorithm.digestLength]))
        position = idStart + algorithm.digestLength
        return RawEntry(offset: start, mode: mode, name: Array(content[space + 1..<nul]), id: id)
    }
}
