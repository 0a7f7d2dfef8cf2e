import PfadTestSupport
@testable import PfadDiff


/// Test data helpers.
enum Fixture {
    /// Lines `"w\n"` for each word, joined into bytes.
    static func text(_ lines: [String]) -> [UInt8] {
        Array(lines.map { $0 + "\n" }.joined().utf8)
    }

    /// A random sequence over a small alphabet (many repeats, many sliders).
    static func randomSequence(_ count: Int, alphabet: Int32, using rng: inout SeededGenerator) -> [Int32] {
        (0..<count).map { _ in Int32.random(in: 0..<alphabet, using: &rng) }
    }

    /// `base` with a few random insertions, deletions and replacements.
    static func mutate(_ base: [Int32], edits: Int, alphabet: Int32, using rng: inout SeededGenerator) -> [Int32] {
        var result = base
        for _ in 0..<edits {
            let op = Int.random(in: 0..<3, using: &rng)
            let position = Int.random(in: 0...result.count, using: &rng)
            switch op {
            case 0:
                result.insert(Int32.random(in: 0..<alphabet, using: &rng), at: position)
            case 1 where position < result.count:
                result.remove(at: position)
            default:
                if position < result.count { result[position] = Int32.random(in: 0..<alphabet, using: &rng) }
            }
        }
        return result
    }

    /// Length of a longest common subsequence by the textbook O(N·M)
    /// dynamic programme (independent of the code under test).
    static func lcsLength(_ a: [Int32], _ b: [Int32]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...max(a.count, 1) where i <= a.count {
            for j in 1...max(b.count, 1) where j <= b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
