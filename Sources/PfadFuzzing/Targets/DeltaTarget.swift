import PfadStore

/// A delta applied to a base: the first two input bytes give the base's
/// length (little-endian, cut to what is there), the base follows, the
/// rest is the delta. Applied with a small result limit so that declared
/// sizes are checked before allocation.
enum DeltaTarget {
    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        guard bytes.count >= 2 else { return .rejected }
        let declared = Int(bytes[0]) | Int(bytes[1]) << 8
        let baseLength = min(declared, bytes.count - 2)
        let base = Array(bytes[2..<(2 + baseLength)])
        let delta = Array(bytes[(2 + baseLength)...])
        let headerOK = delta.withUnsafeBytes { (try? Delta.header($0)) != nil }
        do {
            let result = try Delta.apply(base: base, delta: delta, limit: 1 << 20)
            guard headerOK else { return .violation("delta applied although its header is unreadable") }
            let declaredResult = delta.withUnsafeBytes { try? Delta.header($0).resultSize }
            guard declaredResult == result.count else {
                return .violation("result has \(result.count) bytes, header says \(declaredResult ?? -1)")
            }
            return .accepted
        } catch {
            return .rejected
        }
    }
}
