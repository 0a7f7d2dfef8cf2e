/// A time stamp as the index stores it: 32-bit seconds and nanoseconds.
///
/// Seconds are truncated to 32 bits exactly as git truncates `st_mtime`.
public struct IndexTime: Sendable, Hashable, Comparable {
    /// Seconds since the epoch, truncated to 32 bits.
    public var seconds: UInt32
    /// Nanosecond fraction (0 ..< 1_000_000_000).
    public var nanoseconds: UInt32

    /// A time stamp from its two parts.
    public init(seconds: UInt32, nanoseconds: UInt32) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The zero time stamp git writes for entries without stat data.
    public static let zero = IndexTime(seconds: 0, nanoseconds: 0)

    /// Chronological order (seconds, then nanoseconds).
    public static func < (lhs: IndexTime, rhs: IndexTime) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}
