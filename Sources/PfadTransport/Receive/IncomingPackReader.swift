#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PfadObjects
import PfadStore

/// Copies a pack arriving on a stream into a file, finding where it ends by
/// walking its entries (a pushing client keeps the connection open after
/// the pack, waiting for the report, so "until end of stream" is not an
/// option). Format: `Documentation/gitformat-pack.txt`.
///
/// Limits are enforced while reading: the byte count against
/// `maximumBytes` as bytes arrive, the object count against
/// `maximumObjects` from the 12-byte header before anything is inflated,
/// and every entry's inflated size against the size its header declares
/// (so a zlib bomb stops at the declared size). Inflated data is
/// discarded; `PackIndexer` hashes the objects afterwards.
/// O(pack bytes + inflated bytes) time, O(64 KiB) memory.
struct IncomingPackReader {
    let algorithm: HashAlgorithm
    let maximumBytes: Int?
    let maximumObjects: Int?

    /// What was copied.
    struct Result {
        /// Bytes written to the file (the whole pack).
        var byteCount: Int
        /// Objects declared in the header.
        var objectCount: Int
    }

    /// Called after every entry read (objects done, objects in the pack,
    /// bytes so far).
    var progress: ReceiveProgress?

    /// Reads one pack from `source` and appends it to `fd`.
    /// - Throws: `TransportError.packTooLarge`, `.tooManyObjects`,
    ///   `.corruptPack`, `.unexpectedEnd`, I/O errors.
    func copy(from source: ByteSource, to fd: Int32, path: String) throws -> Result {
        do {
            return try copyEntries(from: source, to: fd, path: path)
        } catch let error as StoreError {
            throw TransportError.corruptPack(error.description)
        }
    }

    private func copyEntries(from source: ByteSource, to fd: Int32, path: String) throws -> Result {
        let input = Input(source: source, fd: fd, path: path, limit: maximumBytes)
        var header = [UInt8]()
        for _ in 0..<12 { header.append(try input.byte()) }
        guard header[0..<4] == [0x50, 0x41, 0x43, 0x4B] else { throw TransportError.corruptPack("pack signature mismatch") }
        let version = UInt32(header[4]) << 24 | UInt32(header[5]) << 16 | UInt32(header[6]) << 8 | UInt32(header[7])
        guard version == 2 || version == 3 else { throw TransportError.corruptPack("pack version \(version) unsupported") }
        let count = Int(UInt32(header[8]) << 24 | UInt32(header[9]) << 16 | UInt32(header[10]) << 8 | UInt32(header[11]))
        if let maximumObjects, count > maximumObjects {
            throw TransportError.tooManyObjects(count: count, limit: maximumObjects)
        }
        let inflater = try Inflater()
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        for number in 0..<count {
            let entryStart = input.total - input.available
            var byte = try input.byte()
            let code = Int(byte >> 4) & 7
            var size = Int(byte & 0x0F)
            var shift = 4
            while byte & 0x80 != 0 {
                byte = try input.byte()
                guard shift <= 56 else { throw TransportError.corruptPack("object \(number) at offset \(entryStart): size overflows") }
                size |= Int(byte & 0x7F) << shift
                shift += 7
            }
            switch code {
            case 1, 2, 3, 4: break
            case 6:  // OFS_DELTA: a base-128 offset with the +1 quirk.
                var length = 1
                byte = try input.byte()
                while byte & 0x80 != 0 {
                    byte = try input.byte()
                    length += 1
                    guard length <= 9 else { throw TransportError.corruptPack("object \(number) at offset \(entryStart): delta base offset overflows") }
                }
            case 7:  // REF_DELTA: the base's id.
                try input.skip(algorithm.digestLength)
            default:
                throw TransportError.corruptPack("object \(number) at offset \(entryStart): unknown object type \(code)")
            }
            inflater.reset()
            var produced = 0
            while !inflater.isFinished {
                try input.ensureAvailable()
                let (consumed, out) = try input.withAvailable { chunk in
                    try scratch.withUnsafeMutableBytes { try inflater.step(input: chunk, output: $0, context: "pack entry \(number)") }
                }
                input.consume(consumed)
                produced += out
                guard produced <= size else {
                    throw TransportError.corruptPack("object \(number) at offset \(entryStart): inflated data exceeds the declared size \(size)")
                }
                if consumed == 0 && out == 0 && !inflater.isFinished {
                    throw TransportError.corruptPack("object \(number) at offset \(entryStart): zlib stream makes no progress")
                }
            }
            guard produced == size else {
                throw TransportError.corruptPack("object \(number) at offset \(entryStart): inflated \(produced) bytes, header says \(size)")
            }
            progress?(number + 1, count, input.total)
        }
        try input.skip(algorithm.digestLength)
        guard input.available == 0 else { throw TransportError.corruptPack("\(input.available) bytes of junk after the pack") }
        return Result(byteCount: input.total, objectCount: count)
    }

    /// A buffered view of the source that writes every chunk it reads to
    /// the file and counts bytes against the limit.
    private final class Input {
        let source: ByteSource
        let fd: Int32
        let path: String
        let limit: Int?
        var buffer = [UInt8](repeating: 0, count: 128 * 1024)
        var start = 0
        var end = 0
        /// Bytes read from the source so far.
        var total = 0

        init(source: ByteSource, fd: Int32, path: String, limit: Int?) {
            self.source = source
            self.fd = fd
            self.path = path
            self.limit = limit
        }

        var available: Int { end - start }

        func ensureAvailable() throws {
            guard start == end else { return }
            let n = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            guard n > 0 else { throw TransportError.unexpectedEnd(context: "inside the pack after \(total) bytes") }
            total += n
            if let limit, total > limit { throw TransportError.packTooLarge(limit: limit) }
            try buffer.withUnsafeBytes { all in
                var offset = 0
                while offset < n {
                    let written = writeToFile(fd, all.baseAddress.map { $0 + offset }, n - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw TransportError.io(operation: "write \(path)", errno: errno)
                    }
                    offset += written
                }
            }
            start = 0
            end = n
        }

        func byte() throws -> UInt8 {
            try ensureAvailable()
            defer { start += 1 }
            return buffer[start]
        }

        func skip(_ count: Int) throws {
            var left = count
            while left > 0 {
                try ensureAvailable()
                let n = min(left, available)
                start += n
                left -= n
            }
        }

        func withAvailable<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        }

        func consume(_ count: Int) { start += count }
    }
}

/// `write(2)`, out of the way of `ByteSink.write`.
private func writeToFile(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
