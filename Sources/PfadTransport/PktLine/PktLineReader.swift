/// Reads pkt-lines from a `ByteSource`, buffered. After the last packet of a
/// conversation the reader is itself a `ByteSource` for whatever raw bytes
/// follow (a v0 pack after `NAK`, for instance), so no byte read ahead is
/// lost.
public final class PktLineReader: ByteSource {
    private let source: ByteSource
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false

    /// A reader over `source` with a 64 KiB buffer.
    public init(_ source: ByteSource) {
        self.source = source
        self.buffer = [UInt8](repeating: 0, count: 128 * 1024)
    }

    /// The next packet, or `nil` if the stream ended cleanly between packets.
    /// - Throws: `TransportError.malformedPacket` for a bad header,
    ///   `.packetTooLong`, `.unexpectedEnd` inside a packet, I/O errors.
    public func nextOrEnd() throws -> Packet? {
        guard try fill(4) else {
            if end == start { return nil }
            throw TransportError.unexpectedEnd(context: "inside a packet header")
        }
        var length = 0
        for i in start..<start + 4 {
            guard let digit = Self.hexValue(buffer[i]) else {
                let shown = String(decoding: buffer[start..<start + 4].map { $0 >= 0x20 && $0 < 0x7F ? $0 : 0x3F }, as: UTF8.self)
                throw TransportError.malformedPacket(shown)
            }
            length = length << 4 | digit
        }
        switch length {
        case 0: start += 4; return .flush
        case 1: start += 4; return .delimiter
        case 2: start += 4; return .responseEnd
        case 3: throw TransportError.malformedPacket("0003")
        default: break
        }
        guard length <= Packet.maximumLength else { throw TransportError.packetTooLong(length) }
        guard try fill(length) else { throw TransportError.unexpectedEnd(context: "inside a \(length)-byte packet") }
        let payload = Array(buffer[start + 4..<start + length])
        start += length
        return .data(payload)
    }

    /// The next packet.
    /// - Throws: `TransportError.unexpectedEnd` at the end of the stream
    ///   (`context` names what was expected), and what `nextOrEnd` throws.
    public func next(expecting context: String = "a packet") throws -> Packet {
        guard let packet = try nextOrEnd() else { throw TransportError.unexpectedEnd(context: "expected \(context)") }
        return packet
    }

    /// The data packets up to the next flush (or delimiter / response-end,
    /// which is returned as `terminator`).
    public func section(expecting context: String = "a section") throws -> (lines: [[UInt8]], terminator: Packet) {
        var lines: [[UInt8]] = []
        while true {
            let packet = try next(expecting: context)
            guard case .data(let payload) = packet else { return (lines, packet) }
            lines.append(payload)
        }
    }

    /// Raw bytes after the pkt-line part: buffered bytes first, then the
    /// source.
    public func read(into target: UnsafeMutableRawBufferPointer) throws -> Int {
        if start < end {
            let n = min(target.count, end - start)
            buffer.withUnsafeBytes { all in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[start..<start + n]))
            }
            start += n
            return n
        }
        return try source.read(into: target)
    }

    /// Makes at least `count` bytes available from `start`; false at the end
    /// of the stream.
    private func fill(_ count: Int) throws -> Bool {
        if end - start >= count { return true }
        if start > 0 {
            buffer.withUnsafeMutableBytes { all in
                if let base = all.baseAddress, end > start { base.copyMemory(from: base + start, byteCount: end - start) }
            }
            end -= start
            start = 0
        }
        while end - start < count {
            if atEnd { return false }
            let n = try buffer.withUnsafeMutableBytes { all in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: all[end...]))
            }
            if n == 0 { atEnd = true; return false }
            end += n
        }
        return true
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        default: nil
        }
    }
}
