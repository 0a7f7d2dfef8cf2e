#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private temporary directory for the targets whose parser reads files
/// (loose objects, `.idx`, packs): made once per process under `TMPDIR`,
/// removed at exit. Inputs are written with plain `write(2)` (no fsync:
/// nothing here needs to survive). The file names are fixed, so one target
/// runs one input at a time (libFuzzer does; the replay tests are serialised).
enum ScratchDirectory {
    /// The directory's path, or nil if it could not be made.
    static let path: String? = {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/pfad-fuzz-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let pointer = buffer.baseAddress, mkdtemp(pointer) != nil else { return nil }
            return String(cString: pointer)
        }
        if made != nil { atexit { ScratchDirectory.removeAll() } }
        return made
    }()

    /// Writes `bytes` to `name` (a path relative to the directory, whose
    /// parent folders are made); returns the full path, nil on any failure.
    static func write(_ bytes: [UInt8], to name: String) -> String? {
        guard let root = path else { return nil }
        var folder = root
        for part in name.split(separator: "/").dropLast() {
            folder += "/" + part
            mkdir(folder, 0o755)
        }
        let full = root + "/" + name
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var written = 0
        let complete = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                guard let base = raw.baseAddress else { return false }
                let n = posixWrite(fd, base + written, raw.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        return complete ? full : nil
    }

    /// Removes `name` (a file relative to the directory) if it exists.
    static func remove(_ name: String) {
        guard let root = path else { return }
        unlink(root + "/" + name)
    }

    /// Removes the directory and everything in it.
    static func removeAll() {
        guard let root = path else { return }
        removeTree(root)
    }

    private static func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, bytes, count)
        #else
        Darwin.write(fd, bytes, count)
        #endif
    }

    private static func removeTree(_ folder: String) {
        if let dir = opendir(folder) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = folder + "/" + name
                if unlink(child) != 0 { removeTree(child) }
            }
            closedir(dir)
        }
        rmdir(folder)
    }
}
