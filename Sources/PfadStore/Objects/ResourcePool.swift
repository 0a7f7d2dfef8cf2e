#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small thread-safe free list of reusable, non-thread-safe resources
/// (zlib streams), so concurrent callers never share one.
final class ResourcePool<Resource: AnyObject>: @unchecked Sendable {
    private var free: [Resource] = []
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let make: @Sendable () throws -> Resource
    private let capacity: Int

    init(capacity: Int = 8, make: @escaping @Sendable () throws -> Resource) {
        self.make = make
        self.capacity = capacity
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with a resource taken from the pool (or a new one).
    func with<R>(_ body: (Resource) throws -> R) throws -> R {
        pthread_mutex_lock(mutex)
        let taken = free.popLast()
        pthread_mutex_unlock(mutex)
        let resource = try taken ?? make()
        defer {
            pthread_mutex_lock(mutex)
            if free.count < capacity { free.append(resource) }
            pthread_mutex_unlock(mutex)
        }
        return try body(resource)
    }
}
