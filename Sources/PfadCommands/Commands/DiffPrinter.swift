import PfadDiff

/// Turns a list of file comparisons into the output formats `diff` offers.
enum DiffPrinter {
    /// The complete output under `options`, in git's order: `--name-only`
    /// or `--name-status` alone (they replace every other format);
    /// otherwise `--numstat`, `--stat`, `--shortstat`, `--summary`, then —
    /// after a blank line if any of those came first — the patches.
    /// `differing` holds every pair whose bytes differ; names are listed
    /// for all of them, patches and stats only for pairs with changes left
    /// after ignored white space (as git). O(output).
    static func render(_ differing: [FilePatch], options: DiffOptions) throws -> [UInt8] {
        let formats = options.formats.isEmpty ? [DiffOptions.Format.patch] : options.formats
        let patches = differing.filter(\.hasChanges)
        var out: [UInt8] = []
        if let names = formats.last(where: { $0 == .nameOnly || $0 == .nameStatus }) {
            for p in differing { out += (names == .nameOnly ? p.nameOnlyPath : p.nameStatus) + [0x0A] }
            return out
        }
        let entries = patches.map(statEntry)
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
            for p in patches { out += p.summaryLines }
        }
        if formats.contains(.patch) {
            if !out.isEmpty && !patches.isEmpty { out.append(0x0A) }
            for p in patches { out += try patch(p, options: options) }
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
        unified.wholeFunctions = options.wholeFunctions
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

    static func statEntry(_ p: FilePatch) -> DiffStatEntry {
        if p.isBinary {
            return DiffStatEntry(
                name: p.statName, added: 0, deleted: 0,
                binarySizes: (p.old?.content.count ?? 0, p.new?.content.count ?? 0))
        }
        let counts = p.lineCounts ?? (0, 0)
        return DiffStatEntry(name: p.statName, added: counts.added, deleted: counts.deleted)
    }
}
