import Foundation
import PfadFuzzing
import Testing

/// Replays every committed seed and crash reproducer
/// (`Tests/Fuzz/corpus/<target>/`) through its fuzz target, without
/// libFuzzer: nothing may crash or violate a target's properties, and
/// seeds named `ok-*` (valid inputs, most written by git) must be accepted.
/// Serialised: the file-reading targets share scratch file names.
@Suite(.serialized) struct FuzzTargetTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    static func files(_ target: FuzzTarget) -> [URL] {
        let folder = corpus.appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func replaysTheCorpus(_ target: FuzzTarget) throws {
        let files = Self.files(target)
        #expect(files.contains { $0.lastPathComponent.hasPrefix("ok-") }, "no valid seed for \(target.rawValue)")
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            let outcome = target.run(bytes)
            if file.lastPathComponent.hasPrefix("ok-") {
                #expect(outcome == .accepted, "\(target.rawValue)/\(file.lastPathComponent)")
            } else if case .violation = outcome {
                Issue.record("\(target.rawValue)/\(file.lastPathComponent): \(outcome)")
            }
        }
    }

    @Test func everyTargetHasACorpusFolder() {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: Self.corpus.path)) ?? []
        #expect(Set(folders) == Set(FuzzTarget.allCases.map(\.rawValue)))
    }

    // Properties that must fail on inputs built to break them, so the
    // targets are known to detect what they claim to.
    @Test func targetsRejectGarbage() {
        for target in FuzzTarget.allCases where target != .frontMatter {
            #expect(target.run(Array("kein gültiger Inhalt".utf8)) == .rejected, "\(target.rawValue)")
        }
        // Text without a leading `---` is a guide without front matter.
        #expect(FuzzTarget.frontMatter.run(Array("Nur Text.\n".utf8)) == .accepted)
        #expect(FuzzTarget.frontMatter.run(Array("---\ntitel: [\n---\n".utf8)) == .rejected)
    }

    @Test func truncatedSeedsAreRejectedNotCrashes() throws {
        for target in FuzzTarget.allCases {
            for file in Self.files(target) where file.lastPathComponent.hasPrefix("ok-") {
                let bytes = [UInt8](try Data(contentsOf: file))
                for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 16)) {
                    if case .violation(let reason) = target.run(Array(bytes[..<length])) {
                        Issue.record("\(target.rawValue)/\(file.lastPathComponent) cut at \(length): \(reason)")
                    }
                }
            }
        }
    }
}
