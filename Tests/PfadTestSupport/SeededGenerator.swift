/// A deterministic pseudo-random generator (SplitMix64) for reproducible
/// test data, shared by every test target.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` random bytes.
    public mutating func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var i = 0
        while i < count {
            var word = next()
            for _ in 0..<min(8, count - i) {
                out[i] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                i += 1
            }
        }
        return out
    }

    /// German-looking text with repeated words, like a guide; `count` bytes.
    public mutating func text(_ count: Int) -> [UInt8] {
        let words = ["Leitfaden ", "Bürger ", "Straße ", "für ", "die ", "Verwaltung ", "in ", "Olpe ", "Menden\n", "## Übersicht\n"]
        var out: [UInt8] = []
        while out.count < count { out += Array(words[Int(next() % UInt64(words.count))].utf8) }
        return Array(out.prefix(count))
    }
}
