import PfadObjects
import PfadStore

/// A pack index (`.idx`): opened (magic, version, fan-out, size checks),
/// then for up to 1,000 entries the id, offset and CRC read and the id
/// looked up again, which must find the same entry or one with the same id.
enum PackIndexTarget {
    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        guard let path = ScratchDirectory.write(bytes, to: "fuzz.idx") else { return .rejected }
        defer { ScratchDirectory.remove("fuzz.idx") }
        guard let index = try? PackIndex(path: path, algorithm: .sha1) else { return .rejected }
        _ = index.verifyChecksum()
        _ = index.packChecksum
        for position in 0..<min(index.count, 1_000) {
            let id = index.id(at: position)
            _ = try? index.offset(at: position)
            _ = index.crc32(at: position)
            guard let found = index.lookup(id) else {
                // A lookup is a binary search: unsorted ids may hide.
                continue
            }
            guard index.id(at: found) == id else { return .violation("lookup of \(id.hex) found \(index.id(at: found).hex)") }
            _ = index.ids(withHexPrefix: Array(id.hexBytes.prefix(4)))
        }
        return .accepted
    }
}
