import PfadTestSupport
import Testing

@testable import PfadStore

/// Property tests: for random and mutated (base, target) pairs, applying the
/// delta with the pack reader's `Delta.apply` (git's rules from
/// `Documentation/gitformat-pack.txt`) yields the target exactly.
@Suite struct DeltaEncoderTests {
    @Test func randomPairsRoundTrip() throws {
        var rng = SeededGenerator(seed: 0x5eed)
        for _ in 0..<300 {
            let base = rng.bytes(Int(rng.next() % 3000))
            let target = rng.bytes(Int(rng.next() % 3000))
            let delta = try #require(DeltaEncoder.encode(base: base, target: target))
            #expect(try Delta.apply(base: base, delta: delta) == target)
        }
    }

    @Test func mutatedPairsRoundTripAndStaySmall() throws {
        var rng = SeededGenerator(seed: 42)
        for trial in 0..<300 {
            let base = rng.text(Int(rng.next() % 20_000) + 64)
            var target = base
            for _ in 0..<(1 + Int(rng.next() % 8)) {
                let position = Int(rng.next() % UInt64(target.count + 1))
                switch rng.next() % 4 {
                case 0: target.insert(contentsOf: rng.text(Int(rng.next() % 200)), at: position)
                case 1: target.removeSubrange(position..<min(target.count, position + Int(rng.next() % 300)))
                case 2:
                    if position < target.count { target[position] ^= 0x20 }
                default:
                    // Move a block: copies out of order.
                    let length = min(target.count - position, Int(rng.next() % 500))
                    let block = Array(target[position..<(position + length)])
                    target.removeSubrange(position..<(position + length))
                    target.insert(contentsOf: block, at: Int(rng.next() % UInt64(target.count + 1)))
                }
            }
            let delta = try #require(DeltaEncoder.encode(base: base, target: target), "trial \(trial)")
            #expect(try Delta.apply(base: base, delta: delta) == target, "trial \(trial)")
            // A few small edits must not cost anywhere near a whole copy.
            #expect(delta.count < target.count / 4 + 2_500, "trial \(trial): \(delta.count) for \(target.count)")
        }
    }

    @Test func edgeCases() throws {
        let text = Array("Der Leitfaden für Bürgerbeteiligung in Arnsberg, Menden und Soest.\n".utf8)
        for (base, target) in [([UInt8](), [UInt8]()), ([], text), (text, []), (text, text), (Array(text.prefix(5)), text)] {
            let delta = try #require(DeltaEncoder.encode(base: base, target: target))
            #expect(try Delta.apply(base: base, delta: delta) == target)
        }
        // The same 16 bytes over and over (one hash bucket) stays correct.
        let repeated = [UInt8](repeating: 0x61, count: 100_000)
        let delta = try #require(DeltaEncoder.encode(base: repeated, target: repeated + [0x62] + repeated))
        #expect(try Delta.apply(base: repeated, delta: delta) == repeated + [0x62] + repeated)
    }

    @Test func largeCopiesAreSplitAtTheOpcodeLimit() throws {
        var rng = SeededGenerator(seed: 7)
        let base = rng.bytes(DeltaEncoder.maxCopySize + 70_000)
        let delta = try #require(DeltaEncoder.encode(base: base, target: base))
        #expect(try Delta.apply(base: base, delta: delta) == base)
        // Two copies (0xffffff bytes, then the rest) plus the two size headers.
        #expect(delta.count < 32)
    }

    @Test func maxSizeRefusesLongDeltas() throws {
        var rng = SeededGenerator(seed: 9)
        let base = rng.bytes(4_000)
        let target = rng.bytes(4_000)
        #expect(DeltaEncoder.encode(base: base, target: target, maxSize: 1_000) == nil)
        let close = Array(base[0..<3_000]) + rng.bytes(10)
        let delta = try #require(DeltaEncoder.encode(base: base, target: close, maxSize: 1_000))
        #expect(try Delta.apply(base: base, delta: delta) == close)
    }

    @Test func headerSizesAreBase128LittleEndian() {
        // gitformat-pack: 7 bits per byte, least significant group first.
        var out: [UInt8] = []
        DeltaEncoder.appendSize(0x3FFF, to: &out)
        DeltaEncoder.appendSize(127, to: &out)
        DeltaEncoder.appendSize(128, to: &out)
        #expect(out == [0xFF, 0x7F, 0x7F, 0x80, 0x01])
    }
}

