import Foundation

/// A buffered writer for standard output; commands write bytes, never
/// `print`, so that paths and contents stay bytes.
public final class Output: @unchecked Sendable {
    /// The process's standard output.
    public static let standard = Output(fd: 1)

    private let fd: Int32
    private var buffer: [UInt8] = []
    private let limit = 1 << 16

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(limit)
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
        write(string.utf8)
        buffer.append(0x0A)
        if buffer.count >= limit { flush() }
    }

    /// Writes everything buffered so far.
    public func flush() {
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
