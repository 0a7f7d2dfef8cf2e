import PfadDiff

/// `--word-diff` output for one file pair (placeholder until the word
/// diff lands: falls back to the line patch).
enum DiffWordOutput {
    static func patch(
        _ p: FilePatch, options: UnifiedDiffOptions, mode: DiffOptions.WordDiffMode, regex: String?
    ) -> [UInt8] {
        p.patch(options: options)
    }
}
