import PfadDiff

/// Turns a list of file comparisons into the output formats `diff` offers.
enum DiffPrinter {
    /// One changed file as the printer sees it: its comparison, the
    /// `--name-status` letter, and the patches shown for it (a type change
    /// shows as a deletion followed by an addition, as in git).
    struct Item {
        /// The comparison (stat, names, the patch of a plain change).
        var patch: FilePatch
        /// git's status letter (`A`, `D`, `M`, `T`, `R`).
        var letter: UInt8
        /// The patches printed for this file.
        var parts: [FilePatch]
        /// The name `--stat`/`--numstat` show, when not the patch's own
        /// (inside a repository an added file is `path`, not `/dev/null => path`).
        var statName: [UInt8]?
        /// The name `--name-only` shows, when not the patch's own (inside a
        /// repository a deleted file shows its path, not `/dev/null`).
        var nameOnly: [UInt8]?

        /// An item whose patch is `patch` itself.
        init(_ patch: FilePatch, letter: UInt8? = nil) {
            self.patch = patch
            self.letter = letter ?? patch.statusLetter
            self.parts = [patch]
        }

        /// The `--name-status` line without its newline, paths quoted by `q`.
        func nameStatus(_ q: ([UInt8]) -> [UInt8]) -> [UInt8] {
            if let similarity = patch.similarity, let old = patch.old, let new = patch.new {
                let score = String(similarity)
                let padded = String(repeating: "0", count: max(0, 3 - score.count)) + score
                return [letter] + Array(padded.utf8) + [0x09] + q(old.path) + [0x09] + q(new.path)
            }
            return [letter, 0x09] + q(patch.statusPath)
        }
    }

    /// The complete output for the file pairs `differing` under `options`
    /// (see `render(_:options:)` for items). O(output).
    static func render(_ differing: [FilePatch], options: DiffOptions) throws -> [UInt8] {
        try render(differing.map { Item($0) }, options: options)
    }

    /// The complete output under `options`, in git's order: `--name-only`
    /// or `--name-status` alone (they replace every other format);
    /// otherwise `--numstat`, `--stat`, `--shortstat`, `--summary`, then —
    /// after a blank line if any of those came first — the patches.
    /// `differing` holds every pair whose bytes differ; names are listed
    /// for all of them, patches and stats only for pairs with changes left
    /// after ignored white space (as git). Paths are quoted as git quotes
    /// them (`options.quotePath`). O(output).
    static func render(_ differing: [Item], options: DiffOptions) throws -> [UInt8] {
        let formats = options.formats.isEmpty ? [DiffOptions.Format.patch] : options.formats
        let items = differing.filter(\.patch.hasChanges)
        var out: [UInt8] = []
        let q = { (path: [UInt8]) in PathQuote.quote(path, highBytes: options.quotePath) }
        if let names = formats.last(where: { $0 == .nameOnly || $0 == .nameStatus }) {
            for item in differing {
                out += (names == .nameOnly ? q(item.nameOnly ?? item.patch.nameOnlyPath) : item.nameStatus(q)) + [0x0A]
            }
            return out
        }
        let entries = items.map { statEntry($0, quote: q) }
        if formats.contains(.numstat) { out += DiffStat.numstat(entries) }
        if formats.contains(.stat) {
            out += DiffStat.stat(
                entries, width: options.statWidth, nameWidth: options.statNameWidth,
                graphWidth: options.statGraphWidth, count: options.statCount)
        }
        if formats.contains(.shortstat) && !entries.isEmpty {
            out += DiffStat.summary(
                files: entries.count, insertions: entries.reduce(0) { $0 + $1.added },
                deletions: entries.reduce(0) { $0 + $1.deleted })
        }
        if formats.contains(.summary) {
            for item in items { out += summaryLines(item, quote: q) }
        }
        if formats.contains(.patch) {
            if !out.isEmpty && !items.isEmpty { out.append(0x0A) }
            for item in items {
                for p in item.parts { out += try patch(p, options: options) }
            }
        }
        return out
    }

    static func patch(_ p: FilePatch, options: DiffOptions) throws -> [UInt8] {
        let function: FunctionContext = isMarkdown(p.new?.path ?? p.old?.path ?? []) ? .markdown : .gitDefault
        // With -R the sides swap, and so do the prefixes (git prints `b/new a/old`).
        let (oldPrefix, newPrefix) = options.reverse
            ? (options.newPrefix, options.oldPrefix) : (options.oldPrefix, options.newPrefix)
        var unified = UnifiedDiffOptions(
            context: options.context, functionContext: function, interHunkContext: options.interHunkContext,
            oldPrefix: Array(oldPrefix.utf8), newPrefix: Array(newPrefix.utf8))
        unified.quotePaths = options.quotePath
        unified.wholeFunctions = options.wholeFunctions
        if let mode = options.wordDiff {
            return try DiffWordOutput.patch(
                p, options: unified, mode: mode, regex: options.wordRegex, algorithm: options.algorithm)
        }
        return p.patch(options: unified)
    }

    /// git's `--summary` lines for one file: ` create mode`, ` delete mode`,
    /// ` rename NAME (NN%)`, ` mode change OLD => NEW path`.
    static func summaryLines(_ item: Item, quote q: ([UInt8]) -> [UInt8]) -> [UInt8] {
        let p = item.patch
        func octal(_ mode: UInt32) -> String { String(mode, radix: 8) }
        switch (p.old, p.new) {
        case (nil, let new?):
            return Array(" create mode \(octal(new.mode)) ".utf8) + q(new.path) + [0x0A]
        case (let old?, nil):
            return Array(" delete mode \(octal(old.mode)) ".utf8) + q(old.path) + [0x0A]
        case (let old?, let new?):
            if let similarity = p.similarity {
                var out = Array(" rename ".utf8) + statEntry(item, quote: q).name
                out += Array(" (\(similarity)%)\n".utf8)
                if old.mode != new.mode {
                    out += Array(" mode change \(octal(old.mode)) => \(octal(new.mode))".utf8) + [0x0A]
                }
                return out
            }
            guard old.mode != new.mode else { return [] }
            return Array(" mode change \(octal(old.mode)) => \(octal(new.mode)) ".utf8) + q(new.path) + [0x0A]
        case (nil, nil):
            return []
        }
    }

    static func isMarkdown(_ path: [UInt8]) -> Bool {
        let name = String(decoding: path, as: UTF8.self).lowercased()
        return name.hasSuffix(".md") || name.hasSuffix(".markdown")
    }

    static func statEntry(_ item: Item, quote q: ([UInt8]) -> [UInt8]) -> DiffStatEntry {
        let p = item.patch
        var name = item.statName.map(q) ?? p.statName
        if item.statName == nil, let old = p.old, let new = p.new,
            q(old.path) != old.path || q(new.path) != new.path
        {
            name = q(old.path) + Array(" => ".utf8) + q(new.path)
        } else if item.statName == nil, p.old == nil || p.new == nil, let path = p.new?.path ?? p.old?.path,
            q(path) != path
        {
            name = p.old == nil ? Array("/dev/null => ".utf8) + q(path) : q(path) + Array(" => /dev/null".utf8)
        }
        if p.isBinary {
            return DiffStatEntry(
                name: name, added: 0, deleted: 0,
                binarySizes: (p.old?.content.count ?? 0, p.new?.content.count ?? 0))
        }
        let counts = p.lineCounts ?? (0, 0)
        return DiffStatEntry(name: name, added: counts.added, deleted: counts.deleted)
    }
}
