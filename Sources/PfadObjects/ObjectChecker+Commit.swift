extension ObjectChecker {
    /// Commit checks: header termination, `tree`, `parent`*, one `author`,
    /// `committer`, identities, NUL in the body. Stops at the first error,
    /// as git does.
    static func checkCommit(_ content: [UInt8], algorithm: HashAlgorithm, into findings: inout Findings) {
        guard verifyHeaders(content, into: &findings) else { return }
        var cursor = HeaderCursor(content: content)
        switch cursor.takeID("tree", algorithm: algorithm) {
        case .missing: return findings.report("missingTree", "invalid format - expected 'tree' line")
        case .bad: return findings.report("badTreeSha1", "invalid 'tree' line format - bad sha1")
        case .ok: break
        }
        while cursor.startsWith("parent") {
            guard case .ok = cursor.takeID("parent", algorithm: algorithm) else {
                return findings.report("badParentSha1", "invalid 'parent' line format - bad sha1")
            }
        }
        guard let author = cursor.takeLine("author") else {
            return findings.report("missingAuthor", "invalid format - expected 'author' line")
        }
        if let problem = IdentityRule.check(author) { return findings.report(problem.id, problem.message) }
        if cursor.startsWith("author") {
            return findings.report("multipleAuthors", "invalid format - multiple 'author' lines")
        }
        guard let committer = cursor.takeLine("committer") else {
            return findings.report("missingCommitter", "invalid format - expected 'committer' line")
        }
        if let problem = IdentityRule.check(committer) { return findings.report(problem.id, problem.message) }
        if content.contains(0) {
            findings.report("nulInCommit", "NUL byte in the commit object body")
        }
    }

    /// Tag checks: `object`, `type`, `tag` (name must make a valid
    /// `refs/tags/<name>`), optional `tagger`.
    static func checkTag(_ content: [UInt8], algorithm: HashAlgorithm, into findings: inout Findings) {
        guard verifyHeaders(content, into: &findings) else { return }
        var cursor = HeaderCursor(content: content)
        switch cursor.takeID("object", algorithm: algorithm) {
        case .missing: return findings.report("missingObject", "invalid format - expected 'object' line")
        case .bad: return findings.report("badObjectSha1", "invalid 'object' line format - bad sha1")
        case .ok: break
        }
        guard let typeLine = cursor.takeLine("type") else {
            return findings.report("missingTypeEntry", "invalid format - expected 'type' line")
        }
        guard ObjectType(nameBytes: typeLine.dropLast()) != nil else {
            return findings.report("badType", "invalid 'type' value")
        }
        guard let nameLine = cursor.takeLine("tag") else {
            return findings.report("missingTagEntry", "invalid format - expected 'tag' line")
        }
        let name = Array(nameLine.dropLast())
        if !RefName.isValid(Array("refs/tags/".utf8) + name) {
            findings.report("badTagName", "invalid 'tag' name: " + String(decoding: name, as: UTF8.self))
        }
        guard let tagger = cursor.takeLine("tagger") else {
            return findings.report("missingTaggerEntry", "invalid format - expected 'tagger' line")
        }
        if let problem = IdentityRule.check(tagger) { findings.report(problem.id, problem.message) }
    }
}

/// Reads `key SP value LF` lines from the start of verified header bytes.
struct HeaderCursor {
    let content: [UInt8]
    var position = 0

    enum IDResult { case missing, bad, ok }

    /// True if the next line starts with `key SP`.
    func startsWith(_ key: String) -> Bool {
        content[position...].starts(with: Array(key.utf8) + [0x20])
    }

    /// The value of the next line including its newline, if it has `key`.
    mutating func takeLine(_ key: String) -> ArraySlice<UInt8>? {
        guard startsWith(key) else { return nil }
        let start = position + key.utf8.count + 1
        let end = content[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? content.count
        position = end
        return content[start..<end]
    }

    /// Takes a `key <hex id>` line; `.bad` unless exactly one full id follows.
    mutating func takeID(_ key: String, algorithm: HashAlgorithm) -> IDResult {
        guard let value = takeLine(key) else { return .missing }
        guard value.count == algorithm.hexLength + 1, value.last == 0x0A,
              value.dropLast().allSatisfy({ Hex.value(of: $0) != nil })
        else { return .bad }
        return .ok
    }
}
