import CZlib
import PfadObjects

/// A reusable zlib decompression stream (RFC 1950 framing, as git writes).
///
/// A reference type because zlib keeps a pointer back to its `z_stream`, which
/// must therefore never move. Not thread-safe: use one per thread.
public final class Inflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var initialized = false

    /// True once the end of the zlib stream has been reached.
    public private(set) var isFinished = false

    /// The framing a stream is read with.
    public enum Framing: Sendable {
        /// RFC 1950 zlib streams, as git writes objects and packs.
        case zlib
        /// RFC 1952 gzip streams (HTTP `Content-Encoding: gzip`).
        case gzip
    }

    /// A fresh stream. Allocates zlib's inflate state (~7 KiB + 32 KiB window).
    public init(framing: Framing = .zlib) throws {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status: Int32
        switch framing {
        case .zlib: status = inflateInit_(stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        // 15 window bits + 16: gzip header and trailer.
        case .gzip: status = inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        }
        guard status == Z_OK else {
            stream.deallocate()
            throw StoreError.corruptZlib(context: "inflate", detail: "cannot initialise zlib (\(status))")
        }
        initialized = true
    }

    deinit {
        if initialized { inflateEnd(stream) }
        stream.deallocate()
    }

    /// Prepares the stream for new input, keeping its allocations. O(1).
    public func reset() {
        inflateReset(stream)
        isFinished = false
    }

    /// Total compressed bytes consumed since the last reset.
    public var totalIn: Int { Int(stream.pointee.total_in) }

    /// Total bytes produced since the last reset.
    public var totalOut: Int { Int(stream.pointee.total_out) }

    /// Decompresses from `input` into `output`.
    ///
    /// Returns how many input bytes were consumed and output bytes produced;
    /// stops when the output is full, the input is exhausted or the stream ends
    /// (`isFinished`). Throws `StoreError.corruptZlib` on malformed data.
    public func step(
        input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer, context: String
    ) throws -> (consumed: Int, produced: Int) {
        if isFinished || output.count == 0 { return (0, 0) }
        var consumed = 0
        var produced = 0
        while !isFinished {
            let inChunk = min(input.count - consumed, Int(UInt32.max >> 1))
            let outChunk = min(output.count - produced, Int(UInt32.max >> 1))
            if outChunk == 0 { break }
            stream.pointee.next_in = input.baseAddress.map {
                UnsafeMutablePointer(mutating: ($0 + consumed).assumingMemoryBound(to: Bytef.self))
            }
            stream.pointee.avail_in = uInt(inChunk)
            stream.pointee.next_out = output.baseAddress.map { ($0 + produced).assumingMemoryBound(to: Bytef.self) }
            stream.pointee.avail_out = uInt(outChunk)
            let status = inflate(stream, Z_NO_FLUSH)
            let usedIn = inChunk - Int(stream.pointee.avail_in)
            let usedOut = outChunk - Int(stream.pointee.avail_out)
            consumed += usedIn
            produced += usedOut
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
            switch status {
            case Z_STREAM_END:
                isFinished = true
            case Z_OK:
                if usedIn == 0 && usedOut == 0 { return (consumed, produced) }
            case Z_BUF_ERROR:
                return (consumed, produced)
            case Z_NEED_DICT:
                throw StoreError.corruptZlib(context: context, detail: "preset dictionary required")
            case Z_MEM_ERROR:
                throw StoreError.corruptZlib(context: context, detail: "out of memory")
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "invalid data"
                throw StoreError.corruptZlib(context: context, detail: message)
            }
            if consumed == input.count && inChunk == 0 { break }
        }
        return (consumed, produced)
    }

    /// Decompresses a whole stream from the start of `input` (after `reset`).
    ///
    /// Produces at most `limit` bytes; if the stream would produce more,
    /// throws `sizeLimitExceeded` without allocating beyond the limit (plus
    /// one byte). Returns the output and how many input bytes the stream used,
    /// so data after the stream (as in packs) can be found. O(output).
    public func inflateStream(
        _ input: some ContiguousBytesLike, limit: Int, context: String
    ) throws -> (output: [UInt8], consumed: Int) {
        reset()
        return try input.withBytes { raw in
            // zlib cannot expand more than ~1032:1; never reserve more than that.
            let ceiling = raw.count > Int.max / 1100 ? limit : raw.count * 1100 + 64
            var capacity = min(limit, ceiling, 1 << 20) + 1
            var output = [UInt8](repeating: 0, count: capacity)
            var produced = 0
            var consumed = 0
            while true {
                let (usedIn, usedOut) = try output.withUnsafeMutableBytes { out in
                    try step(
                        input: UnsafeRawBufferPointer(rebasing: raw[consumed...]),
                        output: UnsafeMutableRawBufferPointer(rebasing: out[produced...]),
                        context: context)
                }
                consumed += usedIn
                produced += usedOut
                if produced > limit { throw StoreError.sizeLimitExceeded(context: context, limit: limit) }
                if isFinished { break }
                if produced == capacity {
                    let grown = min(capacity * 2, limit + 1)
                    output.append(contentsOf: repeatElement(0, count: grown - capacity))
                    capacity = grown
                    continue
                }
                if usedIn == 0 && usedOut == 0 {
                    throw StoreError.corruptZlib(context: context, detail: "truncated stream after \(consumed) bytes")
                }
            }
            output.removeLast(capacity - produced)
            return (output, consumed)
        }
    }
}
