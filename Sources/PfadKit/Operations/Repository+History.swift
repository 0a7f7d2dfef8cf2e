import PfadRepository

extension Repository {
    /// The commits reachable from `revision` (default HEAD) and not from
    /// any of `excluding`, newest first in git's default order (`git log`),
    /// at most `limit` of them; with `paths`, only commits that change
    /// one of them (git's history simplification).
    ///
    /// Cost: one commit read per commit walked.
    /// - Throws: unknown revisions, missing or corrupt objects.
    public func log(
        from revision: String = "HEAD", excluding: [String] = [], limit: Int? = nil, paths: [String] = []
    ) throws -> [LogEntry] {
        var options = WalkOptions()
        options.maxCount = limit
        options.paths = paths.map { Array($0.utf8) }
        let walk = try RevisionWalk(
            cache: CommitCache(self), include: [try resolveCommit(revision)],
            exclude: try excluding.map { try resolveCommit($0) }, options: options)
        var entries: [LogEntry] = []
        while let id = try walk.next() {
            entries.append(LogEntry(id: id, commit: try walk.commit(id)))
        }
        return entries
    }
}
