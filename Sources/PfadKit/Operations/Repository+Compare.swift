import PfadDiff
import PfadRepository

extension Repository {
    /// Compares two versions (`git diff old new`): one `FileComparison`
    /// per changed file, in path order, with line hunks. Gitlinks and
    /// binary files come without hunks.
    ///
    /// Cost: the tree diff, then one blob read and one line diff per
    /// changed file.
    /// - Throws: unknown revisions, missing or corrupt objects.
    public func compare(_ old: String, _ new: String, algorithm: DiffAlgorithm = .myers, context: Int = 3) throws
        -> [FileComparison]
    {
        let changes = try TreeDiff(self).commits(old: try resolveCommit(old), new: try resolveCommit(new))
        return try changes.map { try comparison(of: $0, algorithm: algorithm, context: context) }
    }

    private func comparison(of change: TreeChange, algorithm: DiffAlgorithm, context: Int) throws -> FileComparison {
        func content(_ side: DiffEndpoint?) throws -> [UInt8] {
            guard let side, !side.mode.isGitlink else { return [] }
            return try readObject(side.id).content
        }
        let old = try content(change.old)
        let new = try content(change.new)
        let binary = BinaryDetection.isBinary(old) || BinaryDetection.isBinary(new)
        guard !binary else {
            return FileComparison(
                change: change, oldContent: old, newContent: new, isBinary: true, hunks: [], insertions: 0, deletions: 0)
        }
        let diff = TextDiff(old: old, new: new, algorithm: algorithm)
        let chunks = diff.script.chunks
        return FileComparison(
            change: change, oldContent: old, newContent: new, isBinary: false,
            hunks: Hunk.group(diff.script, context: context),
            insertions: chunks.reduce(0) { $0 + $1.newCount }, deletions: chunks.reduce(0) { $0 + $1.oldCount })
    }
}
