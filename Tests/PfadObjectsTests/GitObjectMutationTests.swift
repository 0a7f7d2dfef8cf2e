import PfadTestSupport
import Testing
@testable import PfadObjects

/// Damaged objects must never crash parsing or checking, and whatever
/// parses must serialise to something that parses to the same value.
@Suite struct GitObjectMutationTests {
    static let samples = [
        GitSamples.tree1, GitSamples.signedCommit, GitSamples.mergetagCommit,
        GitSamples.signedTag, GitSamples.tree256, GitSamples.commit256,
    ]

    @Test(arguments: samples)
    func mutatedObjectsAreHandled(sample: Sample) throws {
        var rng = SeededGenerator(seed: 2026)
        let original = sample.bytes
        let interesting: [UInt8] = [0x00, 0x0A, 0x20, 0x3C, 0x3E, 0x2B, 0x30, 0x2F, 0x2E]
        var parsedCount = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                guard !bytes.isEmpty else { break }
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[at] = interesting.randomElement(using: &rng) ?? 0
                case 1: bytes.remove(at: at)
                default: bytes = Array(bytes[..<at])
                }
            }
            _ = ObjectChecker.check(type: sample.type, content: bytes, algorithm: sample.algorithm, strict: true)
            guard let object = try? GitObject(type: sample.type, content: bytes, algorithm: sample.algorithm) else { continue }
            parsedCount += 1
            let again = try GitObject(type: sample.type, content: object.serialized(), algorithm: sample.algorithm)
            #expect(again == object)
        }
        // Some mutations (e.g. inside a message) must still parse.
        #expect(parsedCount > 0)
    }
}
