import Dispatch

/// Runs async work from synchronous code: starts a task and blocks the
/// calling thread until it is done. Only for threads outside Swift's
/// cooperative pool and NIO's event loops (the command's own thread).
/// Used by the HTTP client's synchronous facade and `pfad serve`.
public enum AsyncBridge {
    /// The result of `body`, waiting for it on the calling thread.
    public static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        guard let result = box.result else { throw CancellationError() }
        return try result.get()
    }
}

/// Carries a task's result to the waiting thread (written before the
/// semaphore is signalled, read after it is waited for).
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
