import Foundation

/// A buffered byte writer: a file descriptor (standard output or error of
/// the process) or, for in-process runs, memory. Commands write bytes,
/// never `print`, so that paths and contents stay bytes.
public final class Output: @unchecked Sendable {
    private let fd: Int32?
    private var buffer: [UInt8] = []
    private var kept: [UInt8] = []
    private let limit: Int

    /// Writes to `fd`, flushing every `limit` bytes (1: unbuffered).
    init(fd: Int32, limit: Int = 1 << 16) {
        self.fd = fd
        self.limit = max(1, limit)
        buffer.reserveCapacity(min(self.limit, 1 << 16))
    }

    /// Keeps everything written in memory (`captured`).
    public init() {
        fd = nil
        limit = 1 << 16
    }

    /// Everything written so far, for an output made with `init()`.
    public var captured: [UInt8] {
        kept + buffer
    }

    /// Appends raw bytes.
    public func write(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= limit { flush() }
    }

    /// Appends the UTF-8 bytes of `string`.
    public func write(_ string: String) {
        write(string.utf8)
    }

    /// Appends `string` and a newline.
    public func line(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        buffer.append(0x0A)
        if buffer.count >= limit { flush() }
    }

    /// Writes everything buffered so far.
    public func flush() {
        guard let fd else {
            kept += buffer
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
