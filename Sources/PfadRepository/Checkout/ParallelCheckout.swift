import Foundation
import PfadObjects

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
        if entries.count < Self.threshold {
            return try entries.enumerated().map { try writeOne($0.element, token: $0.offset) }
        }
        let results = CheckoutResults(count: entries.count)
        let workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < entries.count, !results.failed {
                do {
                    results.set(i, try writeOne(entries[i], token: i))
                } catch {
                    results.fail(error)
                }
                i += workers
            }
        }
        return try results.values()
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

/// One slot per entry, each written by one worker; the first error wins.
private final class CheckoutResults: @unchecked Sendable {
    private var storage: [StatData?]
    private var error: Error?
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    var failed: Bool { lock.withLock { error != nil } }

    func set(_ i: Int, _ value: StatData) { lock.withLock { storage[i] = value } }

    func fail(_ e: Error) { lock.withLock { if error == nil { error = e } } }

    func values() throws -> [StatData] {
        try lock.withLock {
            if let error { throw error }
            return try storage.map {
                guard let s = $0 else { throw RepositoryError.other("checkout: a file was not written") }
                return s
            }
        }
    }
}
