import CZlib
import PfadObjects

/// One-shot zlib helpers (RFC 1950), as used by loose objects and packs.
public enum Zlib {
    /// zlib's default compression level (-1, currently level 6), git's default too.
    public static let defaultLevel: Int32 = -1

    /// Compresses `bytes` into one complete zlib stream. O(n).
    public static func deflate(_ bytes: some ContiguousBytesLike, level: Int32 = defaultLevel) -> [UInt8] {
        let deflater: Deflater
        do {
            deflater = try Deflater(level: level)
        } catch {
            // Only an invalid level can fail; fall back to the default level, which cannot.
            guard let fallback = try? Deflater(level: defaultLevel) else { return [] }
            deflater = fallback
        }
        return deflater.compress([UInt8](), bytes)
    }

    /// Decompresses one complete zlib stream that must span all of `bytes`.
    ///
    /// With `expectedSize`, the output must have exactly that length and never
    /// more than `expectedSize + 1` bytes are allocated (decompression-bomb
    /// safe). Without it, output is bounded by `limit`. Throws
    /// `StoreError.corruptZlib` for malformed, truncated or trailing data and
    /// `sizeLimitExceeded` when the output is too long. O(output).
    public static func inflate(
        _ bytes: some ContiguousBytesLike, expectedSize: Int?, limit: Int = 1 << 32, context: String = "zlib stream"
    ) throws -> [UInt8] {
        let inflater = try Inflater()
        let cap = expectedSize ?? limit
        let (output, consumed) = try inflater.inflateStream(bytes, limit: cap, context: context)
        if let expectedSize, output.count != expectedSize {
            throw StoreError.corruptZlib(context: context, detail: "inflated \(output.count) bytes, expected \(expectedSize)")
        }
        if consumed != bytes.byteCount {
            throw StoreError.corruptZlib(context: context, detail: "\(bytes.byteCount - consumed) bytes of garbage after the stream")
        }
        return output
    }
}
