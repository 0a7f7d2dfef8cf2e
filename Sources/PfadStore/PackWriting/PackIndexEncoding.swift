import PfadObjects

/// The version-2 pack index (`.idx`, `Documentation/gitformat-pack.txt`,
/// "Version 2 pack-*.idx files"): magic `\377tOc`, version 2, a 256-entry
/// fan-out table of cumulative counts by first id byte, the sorted ids, one
/// CRC-32 per object, 31-bit offsets (high bit set = index into the table of
/// 64-bit offsets that follows), then the pack checksum and the hash of the
/// index itself. All integers big-endian.
///
/// Used by `PackFileInstaller` until a shared idx writer exists in the read side.
enum PackIndexEncoding {
    /// The index bytes for `objects` of the pack whose trailer is `packChecksum`. O(n log n).
    static func encode(_ objects: [PackedObject], packChecksum: ObjectID, algorithm: HashAlgorithm) -> [UInt8] {
        let sorted = objects.sorted { $0.id < $1.id }
        var out: [UInt8] = [0xFF, 0x74, 0x4F, 0x63] + PackEncoding.bigEndian32(2)
        var fanout = [UInt32](repeating: 0, count: 256)
        for object in sorted { fanout[Int(object.id.bytes[0])] += 1 }
        var running: UInt32 = 0
        for i in 0..<256 {
            running += fanout[i]
            out += PackEncoding.bigEndian32(running)
        }
        for object in sorted { out += object.id.bytes }
        for object in sorted { out += PackEncoding.bigEndian32(object.crc32) }
        var large: [UInt64] = []
        for object in sorted {
            if object.offset < 0x8000_0000 {
                out += PackEncoding.bigEndian32(UInt32(object.offset))
            } else {
                out += PackEncoding.bigEndian32(0x8000_0000 | UInt32(large.count))
                large.append(object.offset)
            }
        }
        for offset in large { out += PackEncoding.bigEndian64(offset) }
        out += packChecksum.bytes
        out += algorithm.digest(out).bytes
        return out
    }
}
