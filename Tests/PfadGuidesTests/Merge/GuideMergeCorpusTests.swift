import Foundation
import PfadDiff
import PfadTestSupport
import Testing

@testable import PfadGuides

/// The corpus of concurrent guide edits (Tests/PfadTestSupport/GuideCorpus):
/// its expected results are built by the generator, and the guide merge
/// must meet the targets of issue 13 on it.
@Suite struct GuideMergeCorpusTests {
    static let cases = GuideCorpus.cases()

    static func guideMerge(_ item: CorpusCase) -> (text: String, conflicts: Int) {
        let result = GuideMerge.merge(base: item.base, current: item.ours, other: item.theirs)
        return (String(decoding: result.content, as: UTF8.self), result.conflicts)
    }

    @Test func corpusHasEveryCategoryInEveryLayout() {
        #expect(Self.cases.count >= 500)
        for layout in ["one-line", "wrapped", "sentence-per-line"] {
            for category in GuideCorpus.categoryNames {
                #expect(Self.cases.contains { $0.name.hasPrefix(category + "/" + layout) }, "\(category) \(layout)")
            }
        }
        #expect(Self.cases.contains { !$0.expectsClean })
    }

    @Test func guideMergeMeetsTheTargets() {
        let figures = CorpusFigures.evaluate(Self.cases, merge: Self.guideMerge)
        print("guide merge: \(figures)")
        for failure in figures.failures.prefix(20) { print("  \(failure)") }
        #expect(figures.falseConflictRate <= 5)
        #expect(figures.lostEdits == 0)
        #expect(figures.wrongMerges == 0)
        #expect(figures.missedConflicts == 0)
    }

    /// The evaluator can fail: a merge that always takes ours loses edits
    /// and merges wrongly.
    @Test func evaluatorCatchesABadMerge() {
        let figures = CorpusFigures.evaluate(Self.cases) { ($0.ours, 0) }
        #expect(figures.lostEdits > 0)
        #expect(figures.wrongMerges > 0)
        #expect(figures.missedConflicts == figures.conflictCases)
    }
}

/// A guide of about 100 KB with edits all over it merges to the expected
/// result.
@Suite struct GuideMergeLargeTests {
    @Test func largeGuideMergesCleanly() {
        let item = GuideCorpus.largeCase()
        #expect(item.base.utf8.count >= 100_000)
        let start = Date()
        let (text, conflicts) = GuideMergeCorpusTests.guideMerge(item)
        print("guide merge of \(item.base.utf8.count) bytes: \(Int(Date().timeIntervalSince(start) * 1000)) ms (debug build)")
        #expect(conflicts == 0)
        #expect(text == item.expected)
    }
}
