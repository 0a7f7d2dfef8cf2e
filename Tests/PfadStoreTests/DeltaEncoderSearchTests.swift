import PfadTestSupport
import PfadObjects
import Testing

@testable import PfadStore

/// The window search: every chosen delta rebuilds its object from its base
/// (checked with the reader's `Delta.apply`), chains respect the depth
/// limit, types never mix, and versions of one file find each other.
@Suite struct DeltaEncoderSearchTests {
    /// Versions of two guides plus commits of similar size, shuffled.
    private func candidates() -> [DeltaSearch.Candidate] {
        var rng = SeededGenerator(seed: 11)
        var out: [DeltaSearch.Candidate] = []
        for (path, seed) in [("Leitfäden/Olpe/Radwege.md", 1), ("Leitfäden/Soest/Übersicht.md", 2)] {
            var source = SeededGenerator(seed: UInt64(seed))
            var text = source.text(4_000)
            for _ in 0..<30 {
                let at = Int(rng.next() % UInt64(text.count))
                text.insert(contentsOf: rng.text(40), at: at)
                out.append(DeltaSearch.Candidate(type: .blob, content: text, path: Array(path.utf8)))
            }
        }
        for n in 0..<10 {
            out.append(DeltaSearch.Candidate(type: .commit, content: Array("tree x\n\nÜberarbeitung \(n)\n".utf8) + rng.text(200), path: []))
        }
        return out
    }

    @Test func choicesRebuildTheirObjectsWithinTheDepthLimit() throws {
        let input = candidates()
        let search = DeltaSearch(window: 10, depth: 3)
        let choices = search.run(input)
        #expect(choices.count == input.count)
        var deltas = 0
        for (index, choice) in choices.enumerated() {
            guard let choice else { continue }
            deltas += 1
            #expect(input[choice.base].type == input[index].type)
            #expect(try Delta.apply(base: input[choice.base].content, delta: choice.delta) == input[index].content)
            #expect(choice.depth <= 3)
            // The recorded depth is the chain length.
            var length = 1
            var base = choice.base
            while let next = choices[base] {
                length += 1
                base = next.base
            }
            #expect(length == choice.depth)
            // A few inserted sentences: far smaller than the object.
            if input[index].type == .blob { #expect(choice.delta.count < input[index].content.count / 4) }
        }
        // Depth 3 with window 10 leaves some versions whole (no base of depth < 3 in reach).
        #expect(deltas >= 40)
    }

    @Test func atGitsDefaultDepthEveryVersionButTheLargestIsADelta() {
        let input = candidates()
        let choices = DeltaSearch().run(input)
        let blobDeltas = zip(input, choices).filter { $0.0.type == .blob && $0.1 != nil }.count
        #expect(blobDeltas == 58)
    }

    @Test func noWindowMeansNoDeltas() {
        let input = candidates()
        #expect(DeltaSearch(window: 0).run(input).allSatisfy { $0 == nil })
        #expect(DeltaSearch(depth: 0).run(input).allSatisfy { $0 == nil })
    }

    @Test func parallelSegmentsStayCorrect() throws {
        // Above the threshold for splitting: 2,400 small versions of 40 files.
        var rng = SeededGenerator(seed: 3)
        var input: [DeltaSearch.Candidate] = []
        for file in 0..<40 {
            var text = rng.text(600)
            for _ in 0..<60 {
                text.insert(contentsOf: rng.text(12), at: Int(rng.next() % UInt64(text.count)))
                input.append(DeltaSearch.Candidate(type: .blob, content: text, path: Array("guide-\(file).md".utf8)))
            }
        }
        let choices = DeltaSearch(window: 10, depth: 50, threads: 2).run(input)
        for (index, choice) in choices.enumerated() {
            guard let choice else { continue }
            #expect(try Delta.apply(base: input[choice.base].content, delta: choice.delta) == input[index].content)
        }
        #expect(choices.compactMap { $0 }.count >= 2_300)
    }
}
