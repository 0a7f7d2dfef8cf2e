/// Writes pkt-lines to a `ByteSink`.
public struct PktLineWriter {
    /// Where the packets go.
    public let sink: ByteSink

    /// A writer over `sink`.
    public init(_ sink: ByteSink) {
        self.sink = sink
    }

    /// Writes one packet. Flush and response-end packets also flush the
    /// sink, so the peer sees the whole message.
    public func write(_ packet: Packet) throws {
        try sink.write(packet.encoded())
        if packet == .flush || packet == .responseEnd { try sink.flush() }
    }

    /// Writes a data packet with `payload` as it is.
    public func data(_ payload: [UInt8]) throws {
        try write(.data(payload))
    }

    /// Writes a text line; appends the `\n` git's writers use.
    public func line(_ text: String) throws {
        try write(.data(Array(text.utf8) + [0x0A]))
    }

    /// Writes a flush packet (`0000`) and flushes the sink.
    public func flush() throws {
        try write(.flush)
    }

    /// Writes a delimiter packet (`0001`).
    public func delimiter() throws {
        try write(.delimiter)
    }

    /// Writes a response-end packet (`0002`).
    public func responseEnd() throws {
        try write(.responseEnd)
    }
}
