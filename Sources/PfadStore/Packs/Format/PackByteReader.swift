/// Hands out the bytes of a pack one at a time, for `PackEntryHeader.decode`:
/// a mapped file or buffer (`PackBufferReader`) or a network stream.
public protocol PackByteReader {
    /// The next byte, or nil when no bytes are left (the decoder then
    /// reports a truncated header). A stream may throw its own errors
    /// instead; they pass through the decoder unchanged.
    mutating func nextByte() throws -> UInt8?
}

/// Reads bytes from `start` up to (not including) `end` of a buffer. O(1) per byte.
public struct PackBufferReader: PackByteReader {
    /// The buffer.
    public let bytes: UnsafeRawBufferPointer
    /// The next byte to read.
    public private(set) var position: Int
    /// Where reading stops (clamped to the buffer).
    public let end: Int

    /// A reader of `bytes[start..<end]`.
    public init(_ bytes: UnsafeRawBufferPointer, start: Int, end: Int) {
        self.bytes = bytes
        self.end = min(max(end, 0), bytes.count)
        self.position = max(start, 0)
    }

    /// The next byte, nil at `end`.
    public mutating func nextByte() -> UInt8? {
        guard position < end else { return nil }
        defer { position += 1 }
        return bytes[position]
    }
}
