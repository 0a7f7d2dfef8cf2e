import PfadObjects

/// The `packed-refs` file: one `<hex> <name>` line per ref, sorted by name,
/// optionally followed by a `^<hex>` line giving an annotated tag's peeled
/// object; an optional first line `# pack-refs with: <traits>`.
/// (See `Documentation/gitrepository-layout.txt`.)
public struct PackedRefs: Sendable, Hashable {
    /// One packed ref.
    public struct Entry: Sendable, Hashable {
        /// Full ref name.
        public var name: [UInt8]
        /// The id the ref points at.
        public var id: ObjectID
        /// The `^` line after it, if any.
        public var peeled: ObjectID?

        /// An entry from its parts.
        public init(name: [UInt8], id: ObjectID, peeled: ObjectID? = nil) {
            self.name = name
            self.id = id
            self.peeled = peeled
        }
    }

    /// The header line as written (without its newline), e.g.
    /// `# pack-refs with: peeled fully-peeled sorted `; kept on rewrite.
    public var header: [UInt8]?
    /// The refs, sorted bytewise by name.
    public var entries: [Entry]

    /// A packed-refs value from a header and entries (entries get sorted).
    public init(header: [UInt8]? = nil, entries: [Entry] = []) {
        self.header = header
        self.entries = entries.sorted { $0.name.lexicographicallyPrecedes($1.name) }
    }

    /// Parses the file content; `path` is only for error messages. O(n log n)
    /// at worst (entries are sorted if the file was not).
    public static func parse(_ bytes: [UInt8], algorithm: HashAlgorithm, path: String) throws -> PackedRefs {
        var header: [UInt8]?
        var entries: [Entry] = []
        var lineNumber = 0
        var start = 0
        let hexLength = algorithm.hexLength
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            lineNumber += 1
            start = end + 1
            if line.isEmpty { continue }
            if line.first == 0x23 {  // "#"
                if lineNumber == 1 { header = Array(line) }
                continue
            }
            if line.first == 0x5E {  // "^"
                guard line.count == hexLength + 1, let peeled = ObjectID(hexBytes: line.dropFirst()),
                    let last = entries.indices.last, entries[last].peeled == nil
                else {
                    throw StoreError.corruptPackedRefs(path: path, line: lineNumber, detail: "bad peeled line")
                }
                entries[last].peeled = peeled
                continue
            }
            guard line.count > hexLength + 1, line[line.startIndex + hexLength] == 0x20,
                let id = ObjectID(hexBytes: line.prefix(hexLength))
            else {
                throw StoreError.corruptPackedRefs(path: path, line: lineNumber, detail: "expected '<id> <ref>'")
            }
            let name = Array(line.dropFirst(hexLength + 1))
            guard RefName.isValid(name, allowOneLevel: true) else {
                throw StoreError.corruptPackedRefs(path: path, line: lineNumber, detail: "bad ref name")
            }
            entries.append(Entry(name: name, id: id))
        }
        var result = PackedRefs(header: header, entries: [])
        let isSorted = zip(entries, entries.dropFirst()).allSatisfy { $0.name.lexicographicallyPrecedes($1.name) }
        result.entries = isSorted ? entries : entries.sorted { $0.name.lexicographicallyPrecedes($1.name) }
        return result
    }

    /// The entry named `name`, by binary search. O(log n).
    public func entry(named name: [UInt8]) -> Entry? {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].name == name { return entries[mid] }
            if entries[mid].name.lexicographicallyPrecedes(name) { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// The file content: header (if any), then entries with their `^` lines.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        if let header { out += header + [0x0A] }
        for entry in entries {
            out += entry.id.hexBytes
            out.append(0x20)
            out += entry.name
            out.append(0x0A)
            if let peeled = entry.peeled {
                out.append(0x5E)
                out += peeled.hexBytes
                out.append(0x0A)
            }
        }
        return out
    }
}
