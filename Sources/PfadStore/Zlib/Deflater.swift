import CZlib
import PfadObjects

/// A reusable zlib compression stream, producing the RFC 1950 format git
/// uses for loose objects and pack entries.
///
/// Reusing one `Deflater` (via `deflateReset`) avoids re-allocating zlib's
/// ~256 KiB of state per object. Not thread-safe: use one per thread.
public final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var pending: [UInt8] = []
    private var initialized = false

    /// A fresh stream at `level` (0–9, or -1 for zlib's default, 6).
    public init(level: Int32 = Zlib.defaultLevel) throws {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = deflateInit_(stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw StoreError.corruptZlib(context: "deflate", detail: "cannot initialise zlib (\(status)) at level \(level)")
        }
        initialized = true
    }

    deinit {
        if initialized { deflateEnd(stream) }
        stream.deallocate()
    }

    /// Compresses `first` followed by `second` as one stream, without
    /// concatenating them (e.g. an object header, then its content).
    /// Sizes the output once with `deflateBound`. O(n).
    public func compress(_ first: some ContiguousBytesLike, _ second: some ContiguousBytesLike) -> [UInt8] {
        deflateReset(stream)
        let total = first.byteCount + second.byteCount
        let bound = Int(deflateBound(stream, uLong(total))) + 16
        var output = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            let out = UnsafeMutableRawBufferPointer(buffer)
            var produced = 0
            first.withBytes { produced = feed($0, output: out, produced: produced, finish: false) }
            second.withBytes { produced = feed($0, output: out, produced: produced, finish: true) }
            count = produced
        }
        if !pending.isEmpty {  // only if deflateBound was too small, which zlib rules out
            output.append(contentsOf: pending)
            pending.removeAll()
        }
        deflateReset(stream)
        return output
    }

    /// Streaming use: feeds `bytes`; returns compressed output available so far.
    public func update(_ bytes: some ContiguousBytesLike) -> [UInt8] {
        bytes.withBytes { run($0, flush: Z_NO_FLUSH) }
    }

    /// Streaming use: ends the stream, returns the remaining output and resets
    /// the stream for the next use.
    public func finish() -> [UInt8] {
        let out = run(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH)
        deflateReset(stream)
        return out
    }

    private func run(_ input: UnsafeRawBufferPointer, flush: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        var consumed = 0
        repeat {
            let chunk = min(input.count - consumed, 1 << 30)
            stream.pointee.next_in = input.baseAddress.map {
                UnsafeMutablePointer(mutating: ($0 + consumed).assumingMemoryBound(to: Bytef.self))
            }
            stream.pointee.avail_in = uInt(chunk)
            let isLast = consumed + chunk == input.count
            var status: Int32 = Z_OK
            repeat {
                let produced: Int = scratch.withUnsafeMutableBytes { out in
                    stream.pointee.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_out = uInt(out.count)
                    status = deflate(stream, isLast ? flush : Z_NO_FLUSH)
                    return out.count - Int(stream.pointee.avail_out)
                }
                result.append(contentsOf: scratch[..<produced])
            } while stream.pointee.avail_out == 0 || (isLast && flush == Z_FINISH && status == Z_OK)
            consumed += chunk
        } while consumed < input.count
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        return result
    }

    /// Deflates `input` into `output` from offset `produced`; returns the new offset.
    private func feed(_ input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer, produced: Int, finish: Bool) -> Int {
        var produced = produced
        var consumed = 0
        repeat {
            let chunk = min(input.count - consumed, 1 << 30)
            let isLast = consumed + chunk == input.count
            stream.pointee.next_in = input.baseAddress.map {
                UnsafeMutablePointer(mutating: ($0 + consumed).assumingMemoryBound(to: Bytef.self))
            }
            stream.pointee.avail_in = uInt(chunk)
            stream.pointee.next_out = output.baseAddress.map { ($0 + produced).assumingMemoryBound(to: Bytef.self) }
            let room = output.count - produced
            stream.pointee.avail_out = uInt(min(room, 1 << 30))
            let status = deflate(stream, finish && isLast ? Z_FINISH : Z_NO_FLUSH)
            produced += min(room, 1 << 30) - Int(stream.pointee.avail_out)
            consumed += chunk - Int(stream.pointee.avail_in)
            if stream.pointee.avail_out == 0 && (stream.pointee.avail_in > 0 || (finish && isLast && status != Z_STREAM_END)) {
                // Output exhausted (cannot happen within deflateBound): keep the rest in `pending`.
                let rest = UnsafeRawBufferPointer(rebasing: input[consumed...])
                pending.append(contentsOf: run(rest, flush: finish ? Z_FINISH : Z_NO_FLUSH))
                return produced
            }
        } while consumed < input.count
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        return produced
    }
}
