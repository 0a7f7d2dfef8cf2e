/// The side-band channels of a multiplexed pack stream
/// (`Documentation/gitprotocol-pack.txt`, "side-band, side-band-64k";
/// `Documentation/gitprotocol-capabilities.txt`).
public enum SidebandChannel: UInt8, Sendable {
    /// Pack data.
    case data = 1
    /// Progress messages for the user's terminal.
    case progress = 2
    /// A fatal error message; the stream ends after it.
    case error = 3
}

/// Writes side-band packets: pack data cut into packets of at most
/// `maximumPacket` bytes, progress and error text on their own channels.
public struct SidebandWriter {
    /// The pkt-line writer underneath.
    public let writer: PktLineWriter
    /// Largest packet including header and channel byte: 65520 with
    /// `side-band-64k` (and in v2), 1000 with plain `side-band`.
    public let maximumPacket: Int

    /// A side-band writer over `writer`.
    public init(_ writer: PktLineWriter, maximumPacket: Int = Packet.maximumLength) {
        self.writer = writer
        self.maximumPacket = min(max(maximumPacket, 6), Packet.maximumLength)
    }

    /// Sends `bytes` on `channel`, cut into as many packets as needed.
    public func send(_ bytes: UnsafeRawBufferPointer, on channel: SidebandChannel) throws {
        let chunk = maximumPacket - 5
        var offset = 0
        while offset < bytes.count {
            let n = min(chunk, bytes.count - offset)
            var payload = [UInt8]()
            payload.reserveCapacity(n + 1)
            payload.append(channel.rawValue)
            payload.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]))
            try writer.data(payload)
            offset += n
        }
    }

    /// Sends `bytes` on `channel`.
    public func send(_ bytes: [UInt8], on channel: SidebandChannel) throws {
        try bytes.withUnsafeBytes { try send($0, on: channel) }
    }

    /// Sends a progress message (include `\r` or `\n` as git does).
    public func progress(_ text: String) throws {
        try send(Array(text.utf8), on: .progress)
        try writer.sink.flush()
    }

    /// Sends a fatal error message on channel 3.
    public func error(_ text: String) throws {
        try send(Array(text.utf8), on: .error)
        try writer.sink.flush()
    }
}

/// Reads a side-band stream as a plain `ByteSource` of channel-1 data:
/// channel-2 text goes to `progress`, channel 3 ends the stream with
/// `TransportError.remote`, a flush packet is the end of the data.
public final class SidebandReader: ByteSource {
    private let packets: PktLineReader
    private let progress: ([UInt8]) -> Void
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var finished = false

    /// A reader over `packets`; `progress` receives channel-2 payloads as
    /// they arrive.
    public init(_ packets: PktLineReader, progress: @escaping ([UInt8]) -> Void) {
        self.packets = packets
        self.progress = progress
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while pendingStart >= pending.count {
            if finished { return 0 }
            switch try packets.next(expecting: "side-band data") {
            case .flush, .responseEnd:
                finished = true
                return 0
            case .delimiter:
                throw TransportError.protocolViolation("delimiter packet inside side-band data")
            case .data(let payload):
                guard let first = payload.first, let channel = SidebandChannel(rawValue: first) else {
                    throw TransportError.protocolViolation("bad side-band channel \(payload.first.map(String.init) ?? "in empty packet")")
                }
                let body = Array(payload.dropFirst())
                switch channel {
                case .data:
                    pending = body
                    pendingStart = 0
                case .progress:
                    progress(body)
                case .error:
                    finished = true
                    let text = String(decoding: body, as: UTF8.self)
                    throw TransportError.remote(text.hasSuffix("\n") ? String(text.dropLast()) : text)
                }
            }
        }
        let n = min(buffer.count, pending.count - pendingStart)
        pending.withUnsafeBytes { all in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[pendingStart..<pendingStart + n]))
        }
        pendingStart += n
        return n
    }
}
