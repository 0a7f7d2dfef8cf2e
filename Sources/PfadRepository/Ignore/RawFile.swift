#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-clean file helpers: paths are bytes (no String round trip, so file
/// names that are not UTF-8 survive).
enum RawFile {
    /// The whole content of the file at `path`, or nil if it does not exist,
    /// is not a regular file, is a symlink while `followSymlinks` is false, or
    /// cannot be read.
    static func contents(of path: [UInt8], followSymlinks: Bool = true) -> [UInt8]? {
        let flags = O_RDONLY | O_CLOEXEC | (followSymlinks ? 0 : O_NOFOLLOW)
        let fd = withCString(path) { open($0, flags) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (UInt32(st.st_mode) & 0o170000) == 0o100000 else { return nil }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(fd, base, buffer.count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            out += chunk[0..<n]
        }
        return out
    }

    /// Calls `body` with `path` as a NUL-terminated C string.
    static func withCString<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        var terminated = path
        terminated.append(0)
        return terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return body("") }
                return body(base)
            }
        }
    }
}
