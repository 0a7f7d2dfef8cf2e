import PfadTestSupport
import PfadObjects
import Testing
@testable import PfadStore

@Suite struct DeltaTests {
    /// `seq 1 200` plus "Arnsberg" after line 120 (the base git chose).
    static var base: [UInt8] {
        var text = (1...120).map { "\($0)\n" }.joined() + "Arnsberg\n"
        text += (121...200).map { "\($0)\n" }.joined()
        return Array(text.utf8)
    }

    /// `seq 1 200` (git's target).
    static var target: [UInt8] { Array((1...200).map { "\($0)\n" }.joined().utf8) }

    /// The delta git 2.39 stored for `seq 1 200` against `base` (`git gc`,
    /// entry inflated with Python's zlib from the pack).
    static let gitDelta: [UInt8] = [189, 5, 180, 5, 176, 116, 1, 179, 125, 1, 64, 1]

    @Test func appliesGitsDelta() throws {
        #expect(Self.base.count == 701)
        let result = try Delta.apply(base: Self.base, delta: Self.gitDelta)
        #expect(result == Self.target)
        let header = try Self.gitDelta.withUnsafeBytes { try Delta.header($0) }
        #expect(header.baseSize == 701 && header.resultSize == 692 && header.start == 4)
    }

    @Test func insertsAndSizeZeroMeans64KiB() throws {
        // gitformat-pack: a copy with no size bytes copies 0x10000 bytes.
        let base = [UInt8](repeating: 7, count: 0x10000)
        let delta = Delta.encodeSize(0x10000) + Delta.encodeSize(0x10003) + [0x80, 3, 65, 66, 67]
        let result = try Delta.apply(base: base, delta: delta)
        #expect(result.count == 0x10003 && result.suffix(3) == [65, 66, 67])
    }

    @Test(arguments: [
        ("wrong base size", [188, 5, 180, 5, 176, 116, 1, 179, 125, 1, 64, 1] as [UInt8]),
        ("copy beyond base", [189, 5, 180, 5, 0xB1, 0xFF, 0xFF, 1]),
        ("result too long", [189, 5, 10, 0xB0, 116, 1]),
        ("result too short", [189, 5, 180, 5, 176, 116, 1]),
        ("reserved opcode", [189, 5, 1, 0]),
        ("insert cut off", [189, 5, 5, 5, 65]),
        ("header cut off", [189]),
        ("huge result", [189, 5, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 1, 65]),
    ])
    func rejectsBadDeltas(label: String, delta: [UInt8]) {
        #expect(throws: StoreError.self, "\(label)") { _ = try Delta.apply(base: Self.base, delta: delta) }
    }

    @Test func randomAndMutatedDeltasNeverCrash() {
        var rng = SeededGenerator(seed: 2026)
        for round in 0..<3000 {
            var delta: [UInt8]
            if round % 2 == 0 {
                delta = Self.gitDelta
                for _ in 0..<(1 + Int(rng.next() % 3)) {
                    let i = Int(rng.next() % UInt64(delta.count))
                    delta[i] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
                }
            } else {
                delta = Delta.encodeSize(701) + (0..<Int(rng.next() % 40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            }
            if let result = try? Delta.apply(base: Self.base, delta: delta, limit: 1 << 20) {
                let declared = try? delta.withUnsafeBytes { try Delta.header($0).resultSize }
                #expect(result.count == declared)
            }
        }
    }
}
