/// One side of a file comparison, as the patch header needs it.
public struct FileSide: Sendable, Hashable {
    /// Path shown in headers, without the `a/` or `b/` prefix.
    public var path: [UInt8]
    /// git file mode (`0o100644`, `0o100755`, `0o120000`).
    public var mode: UInt32
    /// The file's content.
    public var content: [UInt8]
    /// The abbreviated object id shown on the `index` line (hex bytes).
    public var abbreviatedID: [UInt8]

    /// Creates a side.
    public init(path: [UInt8], mode: UInt32, content: [UInt8], abbreviatedID: [UInt8]) {
        self.path = path
        self.mode = mode
        self.content = content
        self.abbreviatedID = abbreviatedID
    }
}

/// The comparison of one file pair: added (`old == nil`), deleted
/// (`new == nil`) or changed. Computes the line diff once (at init) and
/// renders it in git's patch, stat and name formats.
public struct FilePatch: Sendable {
    /// The old side, nil for an added file.
    public let old: FileSide?
    /// The new side, nil for a deleted file.
    public let new: FileSide?
    /// Whether either side is binary (then no line diff is made).
    public let isBinary: Bool
    /// The line diff, nil for binary files.
    public let diff: TextDiff?
    /// For a detected rename: the similarity in percent.
    public let similarity: Int?
    /// Whether white space was ignored (then a content change that is only
    /// white space is no change, as in git).
    let ignoresWhitespace: Bool

    /// Compares `old` and `new` (at least one must be present) with
    /// `algorithm`, placing ambiguous hunks by git's indent heuristic unless
    /// `indentHeuristic` is false. Time as the algorithm.
    public init(
        old: FileSide?, new: FileSide?, algorithm: DiffAlgorithm = .myers, similarity: Int? = nil,
        whitespace: WhitespaceMode = .exact, indentHeuristic: Bool = true
    ) {
        self.old = old
        self.new = new
        self.similarity = old != nil && new != nil ? similarity : nil
        let oldContent = old?.content ?? []
        let newContent = new?.content ?? []
        isBinary = BinaryDetection.isBinary(oldContent) || BinaryDetection.isBinary(newContent)
        diff = isBinary ? nil : TextDiff(
                old: oldContent, new: newContent, algorithm: algorithm, whitespace: whitespace,
                indentHeuristic: indentHeuristic)
        ignoresWhitespace = whitespace != .exact
    }

    /// Whether the files differ at all, byte for byte (content, mode,
    /// presence), regardless of ignored white space. `--name-only` and
    /// `--name-status` list these, as git does.
    public var differs: Bool {
        guard let old, let new else { return true }
        return old.mode != new.mode || similarity != nil || old.content != new.content
    }

    /// Whether the pair differs once ignored white space is discounted
    /// (content, mode or presence): what patches and stats show.
    public var hasChanges: Bool {
        guard let old, let new else { return true }
        if old.mode != new.mode || similarity != nil { return true }
        if ignoresWhitespace, let diff { return !diff.script.isEmpty }
        return old.content != new.content
    }

    /// Added and deleted line counts (nil for binary files).
    public var lineCounts: (added: Int, deleted: Int)? {
        diff.map { ($0.script.insertions, $0.script.deletions) }
    }

    /// `A`, `D`, `M` or `R`, as in `--name-status`.
    public var statusLetter: UInt8 {
        if old == nil { return 0x41 }
        if new == nil { return 0x44 }
        if similarity != nil { return 0x52 }
        return 0x4D
    }

    /// The `--name-status` line without its newline: `M\tpath`, or
    /// `R094\told\tnew` for a rename.
    public var nameStatus: [UInt8] {
        if let similarity, let old, let new {
            let score = String(similarity)
            return [0x52] + Array((String(repeating: "0", count: max(0, 3 - score.count)) + score).utf8)
                + [0x09] + old.path + [0x09] + new.path
        }
        return [statusLetter, 0x09] + statusPath
    }

    /// The path `--name-status` shows (the old one when there is one).
    public var statusPath: [UInt8] { old?.path ?? new?.path ?? [] }

    /// The `--summary` lines: ` create mode …`, ` delete mode …`,
    /// ` rename old => new (NN%)`, ` mode change OLD => NEW[ path]`.
    public var summaryLines: [UInt8] {
        var out: [UInt8] = []
        switch (old, new) {
        case let (nil, new?):
            out += Array(" create mode \(Self.octal(new.mode)) ".utf8) + new.path + [0x0A]
        case let (old?, nil):
            out += Array(" delete mode \(Self.octal(old.mode)) ".utf8) + old.path + [0x0A]
        case let (old?, new?):
            if let similarity {
                out += Array(" rename ".utf8) + statName + Array(" (\(similarity)%)\n".utf8)
            }
            if old.mode != new.mode {
                out += Array(" mode change \(Self.octal(old.mode)) => \(Self.octal(new.mode))".utf8)
                if similarity == nil { out += [0x20] + new.path }
                out.append(0x0A)
            }
        case (nil, nil):
            break
        }
        return out
    }

    /// The path `--name-only` shows: the new path, or `/dev/null` for a deletion.
    public var nameOnlyPath: [UInt8] { new?.path ?? Array("/dev/null".utf8) }

    /// The name `--stat` and `--numstat` show: `old => new` in git's
    /// compact rename form, `/dev/null` for a missing side.
    public var statName: [UInt8] {
        let devNull = Array("/dev/null".utf8)
        return RenameDisplay.format(old: old?.path ?? devNull, new: new?.path ?? devNull)
    }

    /// The whole patch for this pair: `diff --git` header, mode and index
    /// lines, `---`/`+++` and hunks. Empty when nothing differs. O(output).
    public func patch(options: UnifiedDiffOptions = UnifiedDiffOptions()) -> [UInt8] {
        patch(options: options) { UnifiedDiff.render($0, options: options) }
    }

    /// The patch with hunks rendered as a word diff (`--word-diff`).
    public func wordDiffPatch(
        options: UnifiedDiffOptions = UnifiedDiffOptions(), format: WordDiffFormat = .plain,
        tokenizer: WordTokenizer = .prose, algorithm: DiffAlgorithm = .myers
    ) -> [UInt8] {
        patch(options: options) {
            WordDiff.render($0, options: options, format: format, tokenizer: tokenizer, algorithm: algorithm)
        }
    }

    /// The header lines followed by `body(diff)` for text changes.
    func patch(options: UnifiedDiffOptions, body: (TextDiff) -> [UInt8]) -> [UInt8] {
        guard hasChanges else { return [] }
        let headerOld = old?.path ?? new?.path ?? []
        let headerNew = new?.path ?? old?.path ?? []
        var out: [UInt8] = Array("diff --git ".utf8)
        let (a, b) = (options.oldPrefix, options.newPrefix)
        let q: ([UInt8]) -> [UInt8] = { path in options.quotePaths.map { PathQuote.quote(path, highBytes: $0) } ?? path }
        out += q(Self.prefixed(a, headerOld)) + [0x20] + q(Self.prefixed(b, headerNew)) + [0x0A]
        let zero = [UInt8](repeating: 0x30, count: max(old?.abbreviatedID.count ?? 0, new?.abbreviatedID.count ?? 0))
        var indexSuffix: [UInt8] = []
        if let old, let new {
            if old.mode != new.mode {
                out += Array("old mode \(Self.octal(old.mode))\nnew mode \(Self.octal(new.mode))\n".utf8)
            } else {
                indexSuffix = Array(" \(Self.octal(old.mode))".utf8)
            }
            if let similarity {
                out += Array("similarity index \(similarity)%\nrename from ".utf8) + q(old.path)
                out += Array("\nrename to ".utf8) + q(new.path) + [0x0A]
            }
        } else if let new {
            out += Array("new file mode \(Self.octal(new.mode))\n".utf8)
        } else if let old {
            out += Array("deleted file mode \(Self.octal(old.mode))\n".utf8)
        }
        let contentChanged = old?.content != new?.content || old == nil || new == nil
        guard contentChanged else { return out }
        let oldID = old?.abbreviatedID ?? zero
        let newID = new?.abbreviatedID ?? zero
        out += Array("index ".utf8) + oldID + [0x2E, 0x2E] + newID + indexSuffix + [0x0A]
        let oldName = old.map { q(Self.prefixed(a, $0.path)) } ?? Array("/dev/null".utf8)
        let newName = new.map { q(Self.prefixed(b, $0.path)) } ?? Array("/dev/null".utf8)
        if isBinary {
            out += Array("Binary files ".utf8) + oldName + Array(" and ".utf8) + newName + Array(" differ\n".utf8)
            return out
        }
        guard let diff, !diff.script.isEmpty else { return out }
        // git ends a `---`/`+++` name holding a space with a tab (when quoting).
        let tabOld: [UInt8] = options.quotePaths != nil && old?.path.contains(0x20) == true ? [0x09] : []
        let tabNew: [UInt8] = options.quotePaths != nil && new?.path.contains(0x20) == true ? [0x09] : []
        out += Array("--- ".utf8) + oldName + tabOld + [0x0A]
        out += Array("+++ ".utf8) + newName + tabNew + [0x0A]
        out += body(diff)
        return out
    }

    /// `prefix` + path (`a/` + `x`); an absolute path loses its leading
    /// slash, as git prints it (`a/abs/...`, or `abs/...` with no prefix).
    static func prefixed(_ prefix: [UInt8], _ path: [UInt8]) -> [UInt8] {
        if path.first == 0x2F { return prefix + path.dropFirst() }
        return prefix + path
    }

    static func octal(_ mode: UInt32) -> String {
        String(mode, radix: 8)
    }
}
