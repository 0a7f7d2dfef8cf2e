import PfadDiff
import PfadObjects

/// Lines of one version of the file still looking for their commit:
/// `count` lines from `sourceStart` in that version, which are final lines
/// from `finalStart`.
struct BlamePiece: Sendable, Hashable {
    var finalStart: Int
    var count: Int
    var sourceStart: Int
}

/// One version of the file waiting in a commit: its path there, its blob,
/// and the lines it is suspected of.
struct BlameSuspect {
    var path: [UInt8]
    var blob: ObjectID
    var pieces: [BlamePiece]
}

/// The mutable state of one blame run (see `BlameOperation`).
struct BlameWalk {
    let repository: Repository
    let showRoot: Bool
    /// Line ids of the versions in use.
    var cache = BlameLineCache()
    /// The work tree's pseudo commit (null id), if blaming the work tree.
    var pseudoCommit: Commit?
    /// Parsed commits seen so far (the history walk's cache).
    private let commits: CommitCache
    /// Suspects per waiting commit (by the cache's node number).
    private var pending: [Int: [BlameSuspect]] = [:]
    /// Commits waiting, newest committer date first (the history walk's queue).
    private var queue = CommitQueue()
    /// Attributed lines.
    var entries: [BlameEntry] = []
    /// Commits that own lines.
    var infos: [ObjectID: BlameCommitInfo] = [:]

    init(repository: Repository, showRoot: Bool) {
        self.repository = repository
        self.showRoot = showRoot
        self.commits = CommitCache(repository)
    }

    /// Files blame can follow: regular, executable and symlink blobs.
    static func isFile(_ mode: FileMode) -> Bool {
        !mode.isDirectory && !mode.isGitlink
    }

    /// The starting pieces: the requested ranges, or the whole file.
    static func pieces(_ lines: [Range<Int>]?, lineCount: Int) -> [BlamePiece] {
        let ranges = lines ?? [0..<lineCount]
        return ranges.filter { !$0.isEmpty }.map { BlamePiece(finalStart: $0.lowerBound, count: $0.count, sourceStart: $0.lowerBound) }
    }

    /// The parsed commit `id` (the pseudo commit for the null id), cached.
    mutating func commit(_ id: ObjectID) throws -> Commit {
        if let pseudoCommit, id == repository.algorithm.nullID { return pseudoCommit }
        return try commits.commit(id)
    }

    /// Hands `pieces` of `path` (blob `blob`) to `commit`, queueing it.
    mutating func addPending(commit id: ObjectID, path: [UInt8], blob: ObjectID, pieces: [BlamePiece]) throws {
        guard !pieces.isEmpty else { return }
        let node = commits.node(id)
        if var suspects = pending[node] {
            if let index = suspects.firstIndex(where: { $0.path == path }) {
                suspects[index].pieces += pieces
            } else {
                suspects.append(BlameSuspect(path: path, blob: blob, pieces: pieces))
            }
            pending[node] = suspects
            return
        }
        pending[node] = [BlameSuspect(path: path, blob: blob, pieces: pieces)]
        queue.push(node, date: try commit(id).committer.time)
    }

    /// Runs until no commit waits.
    mutating func run() throws {
        while let node = queue.pop() {
            guard let suspects = pending.removeValue(forKey: node) else { continue }
            let id = commits.id(node)
            for suspect in suspects {
                cache.trim()
                try pass(suspect, of: id)
            }
        }
    }

    /// Passes what it can of `suspect` to the parents of commit `id`; the
    /// rest stays with `id`.
    private mutating func pass(_ suspect: BlameSuspect, of id: ObjectID) throws {
        let current = try commit(id)
        if current.parents.isEmpty {
            settle(suspect.pieces, commit: id, path: suspect.path, boundary: !showRoot, previous: nil)
            return
        }
        var origins: [BlameSuspect?] = []
        for parent in current.parents {
            let parentTree = try commit(parent).tree
            var found: (path: [UInt8], blob: ObjectID)?
            if let entry = try repository.entry(at: suspect.path, inTree: parentTree), Self.isFile(entry.mode) {
                found = (suspect.path, entry.id)
            } else if pseudoCommit == nil || id != repository.algorithm.nullID {
                found = try BlameRenameFinder(repository: repository)
                    .source(of: suspect.path, parentTree: parentTree, childTree: current.tree)
            }
            if let found, found.blob == suspect.blob {
                // The same version in this parent: it takes every line.
                try addPending(commit: parent, path: found.path, blob: found.blob, pieces: suspect.pieces)
                return
            }
            origins.append(found.map { BlameSuspect(path: $0.path, blob: $0.blob, pieces: []) })
        }
        var previous: (commit: ObjectID, path: [UInt8])?
        var diffed = Set<ObjectID>()
        var remaining = suspect.pieces
        for (index, origin) in origins.enumerated() {
            guard let origin, !remaining.isEmpty else { continue }
            if previous == nil { previous = (current.parents[index], origin.path) }
            guard diffed.insert(origin.blob).inserted else { continue }
            let parentLines = try cache.lineIDs(of: origin.blob) { try repository.readObject(origin.blob).content }
            let childLines = try cache.lineIDs(of: suspect.blob) { try repository.readObject(suspect.blob).content }
            // git blame places ambiguous groups by the indent heuristic too.
            let indentation = cache.lineWidths(of: origin.blob).flatMap { old in
                cache.lineWidths(of: suspect.blob).map { LineIndentation(old: old, new: $0) }
            }
            let script = EditScript.compute(
                old: parentLines, new: childLines, algorithm: .myers, alphabet: cache.alphabet,
                indentation: indentation)
            let (passed, kept) = Self.split(remaining, by: script)
            try addPending(commit: current.parents[index], path: origin.path, blob: origin.blob, pieces: passed)
            remaining = kept
        }
        cache.forget(suspect.blob)
        settle(remaining, commit: id, path: suspect.path, boundary: false, previous: previous)
    }

    /// Records `pieces` as `commit`'s lines.
    private mutating func settle(
        _ pieces: [BlamePiece], commit id: ObjectID, path: [UInt8], boundary: Bool,
        previous: (commit: ObjectID, path: [UInt8])?
    ) {
        guard !pieces.isEmpty else { return }
        for piece in pieces {
            entries.append(
                BlameEntry(
                    finalStart: piece.finalStart, count: piece.count, sourceStart: piece.sourceStart, commit: id,
                    path: path))
        }
        guard infos[id] == nil, let current = try? commit(id) else { return }
        infos[id] = BlameCommitInfo(
            id: id, author: current.author, committer: current.committer,
            summary: BlameCommitInfo.summaryLine(of: current.message), isBoundary: boundary, previous: previous)
    }
}
