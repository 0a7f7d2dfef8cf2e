import PfadDiff

/// `--word-diff` output for one file pair. pfad's default word splitter is
/// the Unicode-aware prose splitter; `--word-diff-regex` replaces it
/// (`--word-diff-regex='[^[:space:]]+'` gives git's default words).
enum DiffWordOutput {
    static func patch(
        _ p: FilePatch, options: UnifiedDiffOptions, mode: DiffOptions.WordDiffMode, regex: String?,
        algorithm: DiffAlgorithm
    ) throws -> [UInt8] {
        let tokenizer: WordTokenizer
        if let regex {
            do {
                tokenizer = try WordTokenizer.pattern(regex)
            } catch {
                throw FatalError("invalid regular expression: \(regex)")
            }
        } else {
            tokenizer = .prose
        }
        let format: WordDiffFormat = mode == .porcelain ? .porcelain : .plain
        return p.wordDiffPatch(options: options, format: format, tokenizer: tokenizer, algorithm: algorithm)
    }
}
