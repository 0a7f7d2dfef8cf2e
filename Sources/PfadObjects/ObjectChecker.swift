/// Git's per-object fsck checks (what `git fsck` reports as
/// `<severity> in <type> <id>: <msg-id>: <message>`), on content alone.
///
/// Connectivity (does the tree exist? is the parent a commit?) and
/// `.gitmodules` checks need the object database and live in
/// `PfadRepository`'s `Fsck`. Findings come in the order git 2.39 prints
/// them. Severities follow `Documentation/fsck-msgids.txt`; with `strict`
/// every warning becomes an error, and the mode `100664` is reported as
/// `badFilemode` (as `git fsck --strict` does). Findings whose default
/// severity is IGNORE (`extraHeaderEntry`) are not reported.
public enum ObjectChecker {
    /// The findings for one object; empty when the object is clean. O(n).
    public static func check(type: ObjectType, content: [UInt8], algorithm: HashAlgorithm, strict: Bool = false) -> [FsckFinding] {
        var findings = Findings(strict: strict)
        switch type {
        case .blob: break
        case .tree: checkTree(content, algorithm: algorithm, into: &findings)
        case .commit: checkCommit(content, algorithm: algorithm, into: &findings)
        case .tag: checkTag(content, algorithm: algorithm, into: &findings)
        }
        return findings.list
    }

    /// Checks one identity line the way fsck does; nil when it is valid.
    /// `line` is the part after `author `/`committer `/`tagger `, up to and
    /// including its newline (a missing newline is a bad time zone).
    public static func checkIdentity(_ line: some Collection<UInt8>, strict: Bool = false) -> FsckFinding? {
        IdentityRule.check(Array(line)).map { FsckFinding.make($0.id, $0.message, strict: strict) }
    }

    /// Accumulates findings, applying `strict`.
    struct Findings {
        let strict: Bool
        var list: [FsckFinding] = []

        mutating func report(_ id: String, _ message: String) {
            list.append(FsckFinding.make(id, message, strict: strict))
        }
    }

    /// The header part must end in a blank line or a final newline and
    /// contain no NUL; reports and returns false otherwise.
    static func verifyHeaders(_ content: [UInt8], into findings: inout Findings) -> Bool {
        for (offset, b) in content.enumerated() {
            if b == 0 {
                findings.report("nulInHeader", "unterminated header: NUL at offset \(offset)")
                return false
            }
            if b == 0x0A, offset > 0, content[offset - 1] == 0x0A { return true }
        }
        if content.last == 0x0A { return true }
        findings.report("unterminatedHeader", "unterminated header")
        return false
    }
}

/// fsck's rules for `Name <email> time zone` lines.
enum IdentityRule {
    /// The id and message of the first problem in `line`, or nil.
    static func check(_ line: some Collection<UInt8>) -> (id: String, message: String)? {
        let b = Array(line)
        let prefix = "invalid author/committer line - "
        var i = 0
        if b.first == 0x3C { return ("missingNameBeforeEmail", prefix + "missing space before email") }
        while i < b.count, b[i] != 0x3C {
            if b[i] == 0x3E || b[i] == 0x0A { return ("badName", prefix + "bad name") }
            i += 1
        }
        guard i < b.count else { return ("badName", prefix + "bad name") }
        if b[i - 1] != 0x20 { return ("missingSpaceBeforeEmail", prefix + "missing space before email") }
        i += 1
        while i < b.count, b[i] != 0x3E {
            if b[i] == 0x3C || b[i] == 0x0A { return ("badEmail", prefix + "bad email") }
            i += 1
        }
        guard i < b.count else { return ("badEmail", prefix + "bad email") }
        i += 1
        guard i < b.count, b[i] == 0x20 else { return ("missingSpaceBeforeDate", prefix + "missing space before date") }
        while i < b.count, b[i] == 0x20 { i += 1 }
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        if i + 1 < b.count, b[i] == 0x30, isDigit(b[i + 1]) {
            return ("zeroPaddedDate", prefix + "zero-padded date")
        }
        let dateStart = i
        while i < b.count, isDigit(b[i]) { i += 1 }
        if i == dateStart || i >= b.count || b[i] != 0x20 { return ("badDate", prefix + "bad date") }
        if Int64(String(decoding: b[dateStart..<i], as: UTF8.self)) == nil {
            return ("badDateOverflow", prefix + "date causes integer overflow")
        }
        i += 1
        guard i + 6 <= b.count, b[i] == 0x2B || b[i] == 0x2D,
              b[(i + 1)..<(i + 5)].allSatisfy(isDigit), b[i + 5] == 0x0A
        else { return ("badTimezone", prefix + "bad time zone") }
        return nil
    }
}
