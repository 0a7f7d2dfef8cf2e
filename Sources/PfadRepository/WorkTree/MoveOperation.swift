import Foundation
import PfadStore

/// `git mv`: renames tracked files and folders in the work tree and the
/// index in one step, so the next commit records a rename.
public struct MoveOperation {
    /// The repository whose work tree and index change.
    public let repository: Repository

    /// A move in `repository`.
    public init(_ repository: Repository) {
        self.repository = repository
    }

    /// How to move.
    public struct Options: Sendable {
        /// `-f`: replace an existing destination file.
        public var force = false
        /// `-k`: skip sources that cannot be moved instead of failing.
        public var skipErrors = false
        /// `-n`: check and report only.
        public var dryRun = false

        /// git's defaults.
        public init() {}
    }

    /// One source and where it goes (paths from the work tree's root).
    public struct Move: Sendable, Equatable {
        /// The old path.
        public var source: [UInt8]
        /// The new path.
        public var destination: [UInt8]
    }

    /// Why a move is refused, in git's words (`fatal: <reason>, source=…, destination=…`).
    public struct Refusal: Error, CustomStringConvertible, Sendable, Equatable {
        /// git's reason ("bad source", "not under version control", …).
        public var reason: String
        /// The move refused.
        public var move: Move

        public var description: String {
            "\(reason), source=\(String(decoding: move.source, as: UTF8.self)), destination=\(String(decoding: move.destination, as: UTF8.self))"
        }
    }

    /// Moves `sources` to `destination` (both from the work tree's root):
    /// into it when it is an existing folder or when there are several
    /// sources, else onto it. Returns the moves made (or, with `dryRun`, to
    /// be made), in the order given.
    /// - Throws: `Refusal` (unless `skipErrors`), `RepositoryError` for a
    ///   destination that is not a folder, I/O and index errors.
    public func run(sources: [[UInt8]], destination: [UInt8], options: Options = Options()) throws -> [Move] {
        let workTree = try repository.requireWorkTree("mv")
        func full(_ path: [UInt8]) -> String { workTree + "/" + String(decoding: path, as: UTF8.self) }
        func lstatKind(_ path: [UInt8]) -> mode_t? {
            var st = stat()
            guard lstat(full(path), &st) == 0 else { return nil }
            return st.st_mode & S_IFMT
        }
        let intoFolder = lstatKind(destination) == S_IFDIR
        if sources.count > 1 && !intoFolder {
            throw RepositoryError.other("destination '\(String(decoding: destination, as: UTF8.self))' is not a directory")
        }
        let lock = try LockFile.acquire(for: repository.indexPath)
        var index = try IndexFile.read(path: repository.indexPath, algorithm: repository.algorithm)
        var moves: [Move] = []
        for source in sources {
            let name = source.split(separator: 0x2F).last.map(Array.init) ?? source
            let target = intoFolder ? (destination.isEmpty ? name : destination + [0x2F] + name) : destination
            let move = Move(source: source, destination: target)
            do {
                try check(move, index: index, kind: lstatKind, options: options)
            } catch is Refusal where options.skipErrors {
                continue
            }
            moves.append(move)
        }
        guard !options.dryRun else { return moves }
        for move in moves {
            if options.force, lstatKind(move.destination) == S_IFREG { unlink(full(move.destination)) }
            guard rename(full(move.source), full(move.destination)) == 0 else {
                throw RepositoryError.other(
                    "renaming '\(String(decoding: move.source, as: UTF8.self))' failed: \(String(cString: strerror(errno)))")
            }
            let prefix = move.source + [0x2F]
            for entry in index.entries where entry.path == move.source || entry.path.starts(with: prefix) {
                _ = index.remove(path: entry.path, stage: entry.stage)
                var moved = entry
                moved.path = move.destination + entry.path.dropFirst(move.source.count)
                index.insert(moved, replacingConflicts: false)
            }
        }
        try lock.write(index.serialized(algorithm: repository.algorithm))
        try lock.commit()
        return moves
    }

    private func check(_ move: Move, index: IndexFile, kind: ([UInt8]) -> mode_t?, options: Options) throws {
        guard let sourceKind = kind(move.source) else { throw Refusal(reason: "bad source", move: move) }
        if move.source == move.destination || move.destination.starts(with: move.source + [0x2F]) {
            throw Refusal(reason: "can not move directory into itself", move: move)
        }
        if sourceKind == S_IFDIR {
            let prefix = move.source + [0x2F]
            guard index.entries.contains(where: { $0.path.starts(with: prefix) }) else {
                throw Refusal(reason: "source directory is empty", move: move)
            }
        } else if !index.contains(path: move.source) {
            throw Refusal(reason: "not under version control", move: move)
        } else if index.isConflicted(path: move.source) {
            throw Refusal(reason: "conflicted", move: move)
        }
        if let destinationKind = kind(move.destination) {
            guard options.force, sourceKind != S_IFDIR, destinationKind == S_IFREG else {
                throw Refusal(reason: "destination exists", move: move)
            }
        }
        let parent = move.destination.split(separator: 0x2F, omittingEmptySubsequences: false).dropLast()
        if !parent.isEmpty, kind(Array(parent.joined(separator: [0x2F]))) != S_IFDIR {
            throw Refusal(reason: "destination directory does not exist", move: move)
        }
    }
}
