#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Small helpers for the parallel parts of pack writing (delta search,
// compression): per-slot results, a core count, a progress counter.

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
