#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small thread-safe free list of reusable, non-thread-safe resources
/// (zlib streams), so concurrent callers never share one.
final class ResourcePool<Resource: AnyObject>: @unchecked Sendable {
    private var free: [Resource] = []
    private let mutex = PThreadMutex()
    private let make: @Sendable () throws -> Resource
    private let capacity: Int

    init(capacity: Int = 8, make: @escaping @Sendable () throws -> Resource) {
        self.make = make
        self.capacity = capacity
    }


    /// Runs `body` with a resource taken from the pool (or a new one).
    func with<R>(_ body: (Resource) throws -> R) throws -> R {
        mutex.lock()
        let taken = free.popLast()
        mutex.unlock()
        let resource = try taken ?? make()
        defer {
            mutex.lock()
            if free.count < capacity { free.append(resource) }
            mutex.unlock()
        }
        return try body(resource)
    }
}
