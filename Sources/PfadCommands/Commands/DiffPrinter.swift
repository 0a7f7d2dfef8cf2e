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

        /// The `--name-status` line without its newline.
        var nameStatus: [UInt8] {
            letter == patch.statusLetter ? patch.nameStatus : [letter, 0x09] + patch.statusPath
        }
    }

    /// The complete output for `patches` under `options`. O(output).
    static func render(_ patches: [FilePatch], options: DiffOptions) throws -> [UInt8] {
        try render(patches.map { Item($0) }, options: options)
    }

    /// The complete output for `items` under `options`. O(output).
    static func render(_ items: [Item], options: DiffOptions) throws -> [UInt8] {
        let formats = options.formats.isEmpty ? [DiffOptions.Format.patch] : options.formats
        var out: [UInt8] = []
        for format in formats {
            switch format {
            case .numstat:
                out += DiffStat.numstat(items.map(statEntry))
            case .stat:
                out += DiffStat.stat(items.map(statEntry), width: options.statWidth)
            case .shortstat:
                let entries = items.map(statEntry)
                if !entries.isEmpty {
                    out += DiffStat.summary(
                        files: entries.count, insertions: entries.reduce(0) { $0 + $1.added },
                        deletions: entries.reduce(0) { $0 + $1.deleted })
                }
            case .nameOnly:
                for item in items { out += (item.nameOnly ?? item.patch.nameOnlyPath) + [0x0A] }
            case .nameStatus:
                for item in items { out += item.nameStatus + [0x0A] }
            case .patch:
                for item in items {
                    for p in item.parts { out += try patch(p, options: options) }
                }
            }
        }
        return out
    }

    static func patch(_ p: FilePatch, options: DiffOptions) throws -> [UInt8] {
        let function: FunctionContext = isMarkdown(p.new?.path ?? p.old?.path ?? []) ? .markdown : .gitDefault
        // With -R the sides swap, and so do the prefixes (git prints `b/new a/old`).
        let (oldPrefix, newPrefix) = options.reverse
            ? (options.newPrefix, options.oldPrefix) : (options.oldPrefix, options.newPrefix)
        let unified = UnifiedDiffOptions(
            context: options.context, functionContext: function, interHunkContext: options.interHunkContext,
            oldPrefix: Array(oldPrefix.utf8), newPrefix: Array(newPrefix.utf8))
        if let mode = options.wordDiff {
            return try DiffWordOutput.patch(
                p, options: unified, mode: mode, regex: options.wordRegex, algorithm: options.algorithm)
        }
        return p.patch(options: unified)
    }

    static func isMarkdown(_ path: [UInt8]) -> Bool {
        let name = String(decoding: path, as: UTF8.self).lowercased()
        return name.hasSuffix(".md") || name.hasSuffix(".markdown")
    }

    static func statEntry(_ item: Item) -> DiffStatEntry {
        let p = item.patch
        let name = item.statName ?? p.statName
        if p.isBinary {
            return DiffStatEntry(
                name: name, added: 0, deleted: 0,
                binarySizes: (p.old?.content.count ?? 0, p.new?.content.count ?? 0))
        }
        let counts = p.lineCounts ?? (0, 0)
        return DiffStatEntry(name: name, added: counts.added, deleted: counts.deleted)
    }
}
