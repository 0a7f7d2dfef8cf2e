import PfadDiff

/// Turns a list of file comparisons into the output formats `diff` offers.
enum DiffPrinter {
    /// The complete output for `patches` under `options`. O(output).
    static func render(_ patches: [FilePatch], options: DiffOptions) throws -> [UInt8] {
        let formats = options.formats.isEmpty ? [DiffOptions.Format.patch] : options.formats
        var out: [UInt8] = []
        for format in formats {
            switch format {
            case .numstat:
                out += DiffStat.numstat(patches.map(statEntry))
            case .stat:
                out += DiffStat.stat(patches.map(statEntry), width: options.statWidth)
            case .shortstat:
                let entries = patches.map(statEntry)
                if !entries.isEmpty {
                    out += DiffStat.summary(
                        files: entries.count, insertions: entries.reduce(0) { $0 + $1.added },
                        deletions: entries.reduce(0) { $0 + $1.deleted })
                }
            case .nameOnly:
                for p in patches { out += p.nameOnlyPath + [0x0A] }
            case .nameStatus:
                for p in patches { out += p.nameStatus + [0x0A] }
            case .patch:
                for p in patches {
                    out += try patch(p, options: options)
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
