extension ObjectChecker {
    /// Tree checks in git's reporting order: per entry, symbolic links
    /// named like `.gitmodules`, `.gitattributes`, `.gitignore`,
    /// `.mailmap`; then nullSha1, fullPathname,
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
            reportSymlink(entry.name, mode: mode, into: &findings)
            if entry.id.isNull { flags.insert("nullSha1") }
            if entry.name.contains(0x2F) { flags.insert("fullPathname") }
            if entry.name == [0x2E] { flags.insert("hasDot") }
            if entry.name == [0x2E, 0x2E] { flags.insert("hasDotdot") }
            if SpecialFileName.dotGit.matches(entry.name) { flags.insert("hasDotgit") }
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

    /// A symbolic link named `.gitmodules` (an error), `.gitattributes`,
    /// `.gitignore` or `.mailmap` (informational), in any spelling
    /// `SpecialFileName` knows; reported per entry, before the other tree
    /// findings, as git does.
    private static func reportSymlink(_ name: [UInt8], mode: FileMode, into findings: inout Findings) {
        guard mode.isSymlink else { return }
        for (file, id, message) in symlinkMessages where file.matches(name) {
            findings.report(id, message)
        }
    }

    /// The special files that must not be symbolic links, with git's ids and texts.
    private static let symlinkMessages: [(SpecialFileName, String, String)] = [
        (.gitmodules, "gitmodulesSymlink", ".gitmodules is a symbolic link"),
        (.gitattributes, "gitattributesSymlink", ".gitattributes is a symlink"),
        (.gitignore, "gitignoreSymlink", ".gitignore is a symlink"),
        (.mailmap, "mailmapSymlink", ".mailmap is a symlink"),
    ]

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

extension ObjectChecker {
    /// True for a tree entry name that some file system would treat as
    /// `.git` (any case, HFS+ ignorable code points, NTFS short names and
    /// stream suffixes) — fsck's `hasDotgit` rule, shared with checkout.
    public static func isDotGitName(_ name: [UInt8]) -> Bool {
        SpecialFileName.dotGit.matches(name)
    }
}
