#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Small helpers for the parallel parts of pack writing: a progress counter
// and a mutex (slots and the core count are in Concurrency/ParallelChunks.swift).

/// A thread-safe counter for progress reports.
final class ProgressCounter: @unchecked Sendable {
    private var value = 0
    private let lock = SpinLockBox()

    /// Adds `n` and returns the new total.
    func add(_ n: Int) -> Int {
        lock.with {
            value += n
            return value
        }
    }
}

/// A minimal mutex (pthread) for short critical sections.
final class SpinLockBox: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func with<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
