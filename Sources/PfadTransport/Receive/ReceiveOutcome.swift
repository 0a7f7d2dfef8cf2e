import PfadObjects

/// What one push did, for logging: each command with its result, the
/// pack's size and object count, and the unpack error if there was one.
public struct ReceiveOutcome: Sendable {
    /// The commands and their results, in request order.
    public var results: [(command: ReceiveCommand, status: ReceiveStatus)]
    /// Objects in the received pack (0 without a pack).
    public var objectCount: Int
    /// Bytes of the received pack.
    public var packBytes: Int
    /// Why the pack was refused, nil if it was accepted or absent.
    public var unpackError: String?
    /// True if the client asked for an atomic push.
    public var atomic: Bool

    /// An outcome.
    public init(results: [(command: ReceiveCommand, status: ReceiveStatus)], objectCount: Int, packBytes: Int, unpackError: String?, atomic: Bool) {
        self.results = results
        self.objectCount = objectCount
        self.packBytes = packBytes
        self.unpackError = unpackError
        self.atomic = atomic
    }
}
