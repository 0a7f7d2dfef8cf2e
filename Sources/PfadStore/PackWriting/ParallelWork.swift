#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The progress counter of pack writing (slots, the core count and the mutex
// are in Concurrency/).

/// A thread-safe counter for progress reports.
final class ProgressCounter: @unchecked Sendable {
    private var value = 0
    private let lock = PThreadMutex()

    /// Adds `n` and returns the new total.
    func add(_ n: Int) -> Int {
        lock.with {
            value += n
            return value
        }
    }
}
