import Foundation
import PfadStore

/// The work-tree questions porcelain commands ask, answered with the
/// repository's ignore rules (`.gitignore` files, `info/exclude`,
/// `core.excludesFile`).
public struct WorkTreeScan {
    /// The repository whose rules apply.
    public let repository: Repository
    /// The work tree root.
    public let workTree: String
    let rules: IgnoreRules

    /// A scanner for `workTree` of `repository`.
    public init(repository: Repository, workTree: String) {
        self.repository = repository
        self.workTree = workTree
        self.rules = IgnoreRules(
            workTree: workTree, gitDirectory: repository.gitDirectory, excludesFile: Self.excludesFile(repository.settings))
    }

    /// `core.excludesFile`, else git's default `$XDG_CONFIG_HOME/git/ignore`
    /// (or `~/.config/git/ignore`).
    static func excludesFile(_ settings: ConfigStack) -> String? {
        // getenv, not ProcessInfo's environment dictionary (built from the
        // whole environment on first use: a visible share of `status`).
        func env(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        if let configured = settings.get("core.excludesfile") {
            if configured.hasPrefix("~/"), let home = env("HOME") { return home + configured.dropFirst(1) }
            return configured
        }
        if let xdg = env("XDG_CONFIG_HOME"), !xdg.isEmpty { return xdg + "/git/ignore" }
        if let home = env("HOME") { return home + "/.config/git/ignore" }
        return nil
    }

    /// Files and symlinks that are tracked or not ignored and that `pathspec`
    /// matches, in index order (what `add` considers).
    public func files(under pathspec: Pathspec, tracked: [[UInt8]] = []) throws -> [(path: [UInt8], stat: StatData)] {
        try WorkTreeWalker(workTree: workTree, ignoreRules: rules).files(tracked: tracked)
            .filter { $0.kind == .file || $0.kind == .symlink }
            .filter { pathspec.matches($0.path) }
            .map { ($0.path, $0.stat) }
    }

    /// Untracked paths as `status` shows them (untracked folders as `dir/`).
    public func untracked(tracked: [[UInt8]], mode: WorkTreeWalker.UntrackedMode = .normal) throws -> [[UInt8]] {
        try WorkTreeWalker(workTree: workTree, ignoreRules: rules).untracked(tracked: tracked, mode: mode).map(\.displayPath)
    }

    /// Untracked entries as `git clean` sees them (`.normal` grouping:
    /// an untracked folder is one `.directory` entry), with or without the
    /// ignored ones.
    public func untrackedEntries(tracked: [[UInt8]], includeIgnored: Bool) throws -> [WorkTreeEntry] {
        try WorkTreeWalker(workTree: workTree, ignoreRules: includeIgnored ? nil : rules).untracked(tracked: tracked, mode: .normal)
    }

    /// Every untracked file (`ls-files -o`), optionally without ignored ones.
    public func untrackedFiles(tracked: [[UInt8]], excludeStandard: Bool) throws -> [[UInt8]] {
        try WorkTreeWalker(workTree: workTree, ignoreRules: excludeStandard ? rules : nil)
            .untracked(tracked: tracked, mode: .all).map(\.displayPath)
    }

    /// True if the ignore rules exclude `path` (a file).
    public func isIgnored(_ path: [UInt8]) -> Bool {
        rules.isIgnored(path, isDirectory: false)
    }
}
