import PfadDiff
import PfadObjects

/// `git blame` without copy and move detection: which commit last changed
/// each line of a file.
///
/// Walks back from the starting commit, newest committer date first. Each
/// commit diffs its parents' versions of the file (myers, as git's blame)
/// against its own: unchanged lines pass to the parent, the first parent in
/// order that has them; a parent with the identical blob takes every line.
/// A path missing in a parent is followed through a rename found by
/// similarity (as git's blame does by default). Root commits keep the rest
/// and are boundaries. The walk stops when every line is attributed.
///
/// I/O: reads the commits back to the oldest attributed one, the trees on
/// the file's path and every version of the file once while it is needed.
public struct BlameOperation: Sendable {
    /// The repository to read.
    public let repository: Repository
    /// `--root`: root commits are not boundaries.
    public var showRoot: Bool

    /// Creates the operation.
    public init(repository: Repository, showRoot: Bool = false) {
        self.repository = repository
        self.showRoot = showRoot
    }

    /// The blob at `path` in `commit`'s tree, with its content; nil when the
    /// path is absent or not a file.
    public func file(at path: [UInt8], in commit: ObjectID) throws -> (blob: ObjectID, content: [UInt8])? {
        let tree = try repository.readCommit(commit).tree
        guard let entry = try repository.entry(at: path, inTree: tree), BlameWalk.isFile(entry.mode) else {
            return nil
        }
        return (entry.id, try repository.readObject(entry.id).content)
    }

    /// Blames `lines` (0-based final line ranges; nil for all) of `path` as
    /// of `commit`, whose version is `blob` with `content` (see `file(at:in:)`).
    public func run(
        path: [UInt8], commit: ObjectID, blob: ObjectID, content: [UInt8], lines: [Range<Int>]? = nil
    ) throws -> BlameResult {
        var walk = BlameWalk(repository: repository, showRoot: showRoot)
        walk.cache.insert(blob, content: content)
        let pieces = BlameWalk.pieces(lines, lineCount: LineSplitter.lineRanges(content).count)
        try walk.addPending(commit: commit, path: path, blob: blob, pieces: pieces)
        try walk.run()
        return BlameResult(path: path, content: content, entries: walk.entries, commits: walk.infos)
    }

    /// Blames the work tree's `content` of `path` on top of `head`: lines
    /// not in `head`'s history belong to a pseudo commit with the null id,
    /// author and committer "Not Committed Yet" at `now`, as git shows them.
    public func runWorkTree(
        path: [UInt8], content: [UInt8], head: ObjectID, now: (time: Int64, offset: [UInt8]),
        lines: [Range<Int>]? = nil
    ) throws -> BlameResult {
        var walk = BlameWalk(repository: repository, showRoot: showRoot)
        let blob = repository.algorithm.objectID(type: .blob, content: content)
        let pseudo = repository.algorithm.nullID
        let identity = Signature(
            name: Array("Not Committed Yet".utf8), email: Array("not.committed.yet".utf8), time: now.time,
            offset: now.offset)
        let summary = Array("Version of ".utf8) + path + Array(" from ".utf8) + path
        walk.pseudoCommit = Commit(
            tree: pseudo, parents: [head], author: identity, committer: identity, extraHeaders: [],
            message: summary + [0x0A])
        walk.cache.insert(blob, content: content)
        let pieces = BlameWalk.pieces(lines, lineCount: LineSplitter.lineRanges(content).count)
        try walk.addPending(commit: pseudo, path: path, blob: blob, pieces: pieces)
        try walk.run()
        return BlameResult(path: path, content: content, entries: walk.entries, commits: walk.infos)
    }
}
