/// The line-matching strategies pfad offers, named as in git
/// (`--diff-algorithm=<name>`, `--minimal`, `--patience`, `--histogram`).
public enum DiffAlgorithm: String, Sendable, CaseIterable, Hashable {
    /// Myers' O((N+M)·D) algorithm in linear space, with a cost cap that
    /// keeps huge, very different inputs fast (result may then be non-minimal).
    case myers
    /// Myers without the cost cap: a shortest edit script of the lines git's
    /// preparation keeps (lines it leaves out may make it longer than the
    /// shortest possible, exactly as in git).
    case minimal
    /// Patience diff: anchors on lines unique in both sides, Myers in between.
    case patience
    /// Histogram diff: anchors on the rarest common lines, Myers as fallback.
    case histogram

    /// Parses git's names (`default` means myers, as in git).
    public init?(gitName: String) {
        switch gitName {
        case "myers", "default": self = .myers
        case "minimal": self = .minimal
        case "patience": self = .patience
        case "histogram": self = .histogram
        default: return nil
        }
    }
}
