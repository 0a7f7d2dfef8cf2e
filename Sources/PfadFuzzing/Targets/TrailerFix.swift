import PfadObjects

/// Packs and index files end in a checksum of everything before it; a
/// fuzzer would almost never get one right, so those targets overwrite
/// the last `digestLength` bytes with the right checksum (valid inputs stay
/// unchanged) and the parser's other checks get exercised.
enum TrailerFix {
    /// `bytes` with its trailer recomputed, or unchanged when shorter than
    /// a trailer.
    static func apply(_ bytes: [UInt8], algorithm: HashAlgorithm = .sha1) -> [UInt8] {
        let length = algorithm.digestLength
        guard bytes.count >= length else { return bytes }
        let body = Array(bytes[..<(bytes.count - length)])
        return body + algorithm.digest(body).bytes
    }
}
