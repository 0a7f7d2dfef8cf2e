import PfadObjects
import PfadRepository

/// The index file (trailer recomputed, see `TrailerFix`). An accepted index
/// is serialised again; when that succeeds the bytes must parse back to
/// the same entries.
enum IndexFileTarget {
    static func run(_ input: [UInt8]) -> FuzzOutcome {
        let bytes = TrailerFix.apply(input)
        guard let index = try? IndexFile.parse(bytes, algorithm: .sha1) else { return .rejected }
        _ = index.versionToWrite
        guard let again = try? index.serialized(algorithm: .sha1) else { return .accepted }
        guard let reparsed = try? IndexFile.parse(again, algorithm: .sha1) else {
            return .violation("a serialised index does not parse")
        }
        guard reparsed.entries == index.entries else { return .violation("entries change in a round trip") }
        return .accepted
    }
}
