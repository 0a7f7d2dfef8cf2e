import PfadObjects
import PfadRepository

/// Commit, tag and tree content: parsed, checked as `fsck --strict` does,
/// serialised again, and every identity's date formatted in every `--date`
/// style. Serialising must give the input back, up to the round-trip limits
/// `Spec/objects.md` documents (upper-case hex in id headers, a missing
/// blank line before an empty message), and parse to the same value.
enum ObjectTargets {
    static func commit(_ bytes: [UInt8]) -> FuzzOutcome {
        _ = ObjectChecker.check(type: .commit, content: bytes, algorithm: .sha1, strict: true)
        guard let commit = try? Commit.parse(bytes, algorithm: .sha1) else { return .rejected }
        let again = commit.serialized()
        guard again == documentedForm(bytes, idKeys: ["tree", "parent"]) else {
            return .violation("commit does not serialise to its input")
        }
        guard (try? Commit.parse(again, algorithm: .sha1)) == commit else { return .violation("commit changes in a round trip") }
        formatDates(of: commit.author)
        formatDates(of: commit.committer)
        _ = commit.summary
        _ = commit.encoding
        return .accepted
    }

    static func tag(_ bytes: [UInt8]) -> FuzzOutcome {
        _ = ObjectChecker.check(type: .tag, content: bytes, algorithm: .sha1, strict: true)
        guard let tag = try? Tag.parse(bytes, algorithm: .sha1) else { return .rejected }
        let again = tag.serialized()
        guard again == documentedForm(bytes, idKeys: ["object"]) else {
            return .violation("tag does not serialise to its input")
        }
        guard (try? Tag.parse(again, algorithm: .sha1)) == tag else { return .violation("tag changes in a round trip") }
        if let tagger = tag.tagger { formatDates(of: tagger) }
        return .accepted
    }

    static func tree(_ bytes: [UInt8]) -> FuzzOutcome {
        _ = ObjectChecker.check(type: .tree, content: bytes, algorithm: .sha1, strict: true)
        guard let tree = try? Tree.parse(bytes, algorithm: .sha1) else { return .rejected }
        guard tree.serialized() == bytes else { return .violation("tree does not serialise to its input") }
        return .accepted
    }

    /// `bytes` as pfad writes them back: ids in the leading `idKeys` header
    /// lines (`tree` and `parent`, or a tag's `object`) in lower case, and the blank line before the message added when the
    /// headers end without one (then the message is empty).
    static func documentedForm(_ bytes: [UInt8], idKeys: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1)
        var lineStart = 0
        var inHeaders = true
        var inIDs = true
        while lineStart < bytes.count {
            let end = bytes[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            var line = Array(bytes[lineStart..<end])
            if inHeaders {
                if line == [0x0A] {
                    inHeaders = false
                } else if inIDs, idKeys.contains(where: { line.starts(with: Array(($0 + " ").utf8)) }) {
                    line = line.map { $0 >= 0x41 && $0 <= 0x46 ? $0 + 0x20 : $0 }
                } else {
                    inIDs = false
                }
            }
            out += line
            lineStart = end
        }
        if inHeaders { out.append(0x0A) }
        return out
    }

    /// Dates are where timestamps and zone offsets meet arithmetic.
    private static func formatDates(of signature: Signature) {
        _ = signature.offsetMinutes
        _ = signature.validate(strict: true)
        for style in DateStyle.allCases {
            _ = try? style.format(time: signature.time, offset: signature.offset)
        }
    }
}
