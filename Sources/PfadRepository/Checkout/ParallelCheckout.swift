import Foundation
import PfadObjects
import PfadStore

/// Reads blobs and writes work-tree files on all cores (inflating objects is
/// most of a checkout's time). Parent folders must already be prepared.
struct ParallelCheckout {
    let repository: Repository
    let writer: WorkTreeWriter

    /// Below this many files one thread is faster than starting more.
    static let threshold = 64

    /// Writes every entry and returns their `lstat` data in the same order.
    /// - Throws: the first error any writer met (a missing blob, an object
    ///   that is not a blob, an I/O failure).
    func write(_ entries: [FlatTreeEntry]) throws -> [StatData] {
        try ParallelChunks.map(count: entries.count, threshold: Self.threshold) { range in
            try range.map { try writeOne(entries[$0], token: $0) }
        }
    }

    private func writeOne(_ entry: FlatTreeEntry, token: Int) throws -> StatData {
        if entry.mode.isGitlink {
            return try writer.write(entry.path, mode: entry.mode, content: [], token: token)
        }
        let object = try repository.readObject(entry.id)
        guard object.type == .blob else {
            throw RepositoryError.wrongObjectType(id: entry.id, expected: .blob, actual: object.type)
        }
        return try writer.write(entry.path, mode: entry.mode, content: object.content, token: token)
    }
}
