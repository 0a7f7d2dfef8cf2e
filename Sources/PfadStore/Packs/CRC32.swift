import CZlib
import PfadObjects

/// CRC-32 (IEEE, as zlib computes it): the checksum a pack index stores for
/// the raw bytes of each packed object.
public enum CRC32 {
    /// Continues `crc` (0 to start) over `bytes`. O(n).
    public static func update(_ crc: UInt32, _ bytes: some ContiguousBytesLike) -> UInt32 {
        bytes.withBytes { raw in
            var value = uLong(crc)
            var offset = 0
            while offset < raw.count {
                let chunk = min(raw.count - offset, 1 << 30)
                let start = raw.baseAddress.map { ($0 + offset).assumingMemoryBound(to: Bytef.self) }
                value = crc32(value, start, uInt(chunk))
                offset += chunk
            }
            return UInt32(truncatingIfNeeded: value)
        }
    }

    /// The checksum of `bytes`. O(n).
    public static func checksum(_ bytes: some ContiguousBytesLike) -> UInt32 {
        update(0, bytes)
    }
}
