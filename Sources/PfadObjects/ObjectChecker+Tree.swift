extension ObjectChecker {
    /// Tree checks in git's reporting order: nullSha1, fullPathname,
    /// hasDot, hasDotdot, hasDotgit, zeroPaddedFilemode, badFilemode,
    /// duplicateEntries, treeNotSorted — each reported at most once.
    /// A structurally broken tree (including an empty entry name, which git
    /// 2.39 rejects while reading) is only `badTree`.
    static func checkTree(_ content: [UInt8], algorithm: HashAlgorithm, into findings: inout Findings) {
        var reader = TreeEntryReader(content: content, algorithm: algorithm)
        var entries: [TreeEntryReader.RawEntry] = []
        do {
            while let entry = try reader.next() { entries.append(entry) }
        } catch {
            findings.report("badTree", "cannot be parsed as a tree")
            return
        }
        var flags = Set<String>()
        var seen = Set<[UInt8]>()
        var previous: (name: [UInt8], key: [UInt8])? = nil
        for entry in entries {
            let mode = FileMode(octalBytes: entry.mode) ?? FileMode(rawValue: 0)
            if entry.id.isNull { flags.insert("nullSha1") }
            if entry.name.contains(0x2F) { flags.insert("fullPathname") }
            if entry.name == [0x2E] { flags.insert("hasDot") }
            if entry.name == [0x2E, 0x2E] { flags.insert("hasDotdot") }
            if DotGitName.matches(entry.name) { flags.insert("hasDotgit") }
            if entry.mode.first == 0x30 { flags.insert("zeroPaddedFilemode") }
            if !isValidMode(mode, strict: findings.strict) { flags.insert("badFilemode") }
            if !seen.insert(entry.name).inserted { flags.insert("duplicateEntries") }
            let key = Tree.sortKey(name: entry.name, isDirectory: mode.isDirectory)
            if let previous, previous.name != entry.name, !previous.key.lexicographicallyPrecedes(key) {
                flags.insert("treeNotSorted")
            }
            previous = (entry.name, key)
        }
        for (id, message) in treeMessages where flags.contains(id) {
            findings.report(id, message)
        }
    }

    /// The tree findings in git's order, with git's texts.
    private static let treeMessages: [(String, String)] = [
        ("nullSha1", "contains entries pointing to null sha1"),
        ("fullPathname", "contains full pathnames"),
        ("hasDot", "contains '.'"),
        ("hasDotdot", "contains '..'"),
        ("hasDotgit", "contains '.git'"),
        ("zeroPaddedFilemode", "contains zero-padded file modes"),
        ("badFilemode", "contains bad file modes"),
        ("duplicateEntries", "contains duplicate file entries"),
        ("treeNotSorted", "not properly sorted"),
    ]

    /// The modes git accepts in trees; `100664` only without `strict`.
    static func isValidMode(_ mode: FileMode, strict: Bool) -> Bool {
        switch mode {
        case .regular, .executable, .symlink, .directory, .gitlink: return true
        case .groupWritable: return !strict
        default: return false
        }
    }
}

/// Names that some file system would treat as `.git`.
enum DotGitName {
    /// True for `.git` in any case, its HFS+ spellings with ignorable
    /// Unicode code points, and its NTFS spellings (`git~1`, trailing dots
    /// or spaces, `:` stream suffixes).
    static func matches(_ name: [UInt8]) -> Bool {
        let folded = name.map(asciiLower)
        if folded == dotGit || folded == Array("git~1".utf8) { return true }
        if folded.starts(with: dotGit) {
            let rest = folded.dropFirst(dotGit.count)
            if rest.allSatisfy({ $0 == 0x2E || $0 == 0x20 }) { return true }
            if let first = rest.first(where: { $0 != 0x2E && $0 != 0x20 }), first == 0x3A { return true }
        }
        return removingHFSIgnorables(folded) == dotGit
    }

    private static let dotGit: [UInt8] = Array(".git".utf8)

    private static func asciiLower(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b + 0x20 : b
    }

    /// Drops the UTF-8 encodings of the code points HFS+ ignores
    /// (U+200C–U+200F, U+202A–U+202E, U+206A–U+206F, U+FEFF).
    static func removingHFSIgnorables(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if i + 2 < bytes.count {
                let (a, b, c) = (bytes[i], bytes[i + 1], bytes[i + 2])
                let ignorable =
                    (a == 0xE2 && b == 0x80 && ((0x8C...0x8F).contains(c) || (0xAA...0xAE).contains(c)))
                    || (a == 0xE2 && b == 0x81 && (0xAA...0xAF).contains(c))
                    || (a == 0xEF && b == 0xBB && c == 0xBF)
                if ignorable {
                    i += 3
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}

extension ObjectChecker {
    /// True for a tree entry name that some file system would treat as
    /// `.git` (any case, HFS+ ignorable code points, NTFS short names and
    /// stream suffixes) — fsck's `hasDotgit` rule, shared with checkout.
    public static func isDotGitName(_ name: [UInt8]) -> Bool {
        DotGitName.matches(name)
    }
}
