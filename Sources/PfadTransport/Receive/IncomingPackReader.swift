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
        for _ in 0..<PackHeader.byteCount { header.append(try input.byte()) }
        let count: Int
        do {
            count = Int(try PackHeader(decoding: header).objectCount)
        } catch {
            throw TransportError.corruptPack(error.detail)
        }
        if let maximumObjects, count > maximumObjects {
            throw TransportError.tooManyObjects(count: count, limit: maximumObjects)
        }
        let inflater = try Inflater()
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        var reader = input
        for number in 0..<count {
            let entryStart = input.total - input.available
            let size: Int
            do {
                size = try PackEntryHeader.decode(from: &reader, at: entryStart, hashLength: algorithm.digestLength).size
            } catch let error as PackFormatError {
                throw TransportError.corruptPack("object \(number) at offset \(entryStart): \(error.detail)")
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
    private final class Input: PackByteReader {
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

        /// The next byte; the end of the stream is `TransportError.unexpectedEnd`.
        func nextByte() throws -> UInt8? { try byte() }

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
