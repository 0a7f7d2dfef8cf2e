import Foundation

/// Runs blocking work (a service handler, bcrypt) on a thread of its own,
/// never on an event loop or the cooperative pool.
enum BlockingWork {
    /// Stack size for handler threads: history walks and pack writing may
    /// recurse more than the 512 KiB default of secondary threads allows.
    static let stackSize = 8 << 20

    /// Runs `body` on a new thread and returns its result.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            start { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Starts `body` on a new thread without waiting for it.
    static func start(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.stackSize = stackSize
        thread.start()
    }
}
