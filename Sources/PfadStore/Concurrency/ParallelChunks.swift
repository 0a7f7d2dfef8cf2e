import Foundation

/// Runs work over `0..<count` on all cores, in one contiguous chunk per
/// worker, and returns the results in order. The one helper for the
/// parallel loops of `add` (hash and write blobs), `status` (lstat),
/// checkout (inflate and write files) and pack writing (compress).
///
/// `body` gets a chunk's range and returns one value per index of it; it may
/// keep per-chunk state (a zlib stream, a directory descriptor). The first
/// error any chunk throws is rethrown after all chunks have ended.
public enum ParallelChunks {
    /// Maps `0..<count` through `body`, in parallel when `count ≥ threshold`.
    public static func map<T>(
        count: Int, threshold: Int = 64, workers: Int? = nil, _ body: (Range<Int>) throws -> [T]
    ) throws -> [T] {
        guard count > 0 else { return [] }
        let parts = count < threshold ? 1 : min(max(workers ?? ProcessInfoCores.count, 1), count)
        if parts == 1 { return try body(0..<count) }
        let chunk = (count + parts - 1) / parts
        let results = SlotArray<[T]>(count: parts, initial: [])
        let failures = SlotArray<Error?>(count: parts, initial: nil)
        // `concurrentPerform` returns only when every chunk is done, so the
        // non-escaping `body` outlives no call; the box only carries it across.
        withoutActuallyEscaping(body) { body in
            let box = ClosureBox(body)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let start = part * chunk
                let end = min(start + chunk, count)
                guard start < end else { return }
                do {
                    results.set(part, try box.body(start..<end))
                } catch {
                    failures.set(part, error)
                }
            }
        }
        if let error = failures.values.compactMap({ $0 }).first { throw error }
        return results.values.flatMap { $0 }
    }
}

/// Carries a closure into `concurrentPerform`'s workers.
private final class ClosureBox<T>: @unchecked Sendable {
    let body: (Range<Int>) throws -> [T]
    init(_ body: @escaping (Range<Int>) throws -> [T]) { self.body = body }
}

/// Fixed slots written by concurrent workers, each slot by one worker only.
final class SlotArray<Value>: @unchecked Sendable {
    private var storage: UnsafeMutableBufferPointer<Value>

    init(count: Int, initial: Value) {
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: initial)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    var values: [Value] { Array(storage) }
}

/// The number of cores to spread work over.
enum ProcessInfoCores {
    static var count: Int { max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1) }
}


