/// Everything that can go wrong while talking git's wire protocols. Each
/// case carries enough context for a one-line message; `description` is
/// that line (without git's `fatal: ` prefix, which the CLI adds).
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stream ended in the middle of something (`context` says what).
    case unexpectedEnd(context: String)
    /// A pkt-line header or payload broke the framing rules.
    case malformedPacket(String)
    /// A packet longer than the protocol allows (`LARGE_PACKET_MAX`).
    case packetTooLong(Int)
    /// The peer broke the conversation's rules (unexpected packet, bad line).
    case protocolViolation(String)
    /// The peer reported an error itself (`ERR` line or side-band 3).
    case remote(String)
    /// Reading or writing the connection failed.
    case io(operation: String, errno: Int32)
    /// A refspec that cannot be parsed.
    case invalidRefspec(String)

    public var description: String {
        switch self {
        case .unexpectedEnd(let context): "the remote end hung up unexpectedly (\(context))"
        case .malformedPacket(let detail): "protocol error: bad line length character: \(detail)"
        case .packetTooLong(let length): "protocol error: bad line length \(length)"
        case .protocolViolation(let detail): "protocol error: \(detail)"
        case .remote(let message): "remote error: \(message)"
        case .io(let operation, let errno): "\(operation) failed: \(String(cString: strerrorText(errno)))"
        case .invalidRefspec(let spec): "invalid refspec '\(spec)'"
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func strerrorText(_ code: Int32) -> UnsafeMutablePointer<CChar> {
    strerror(code)
}
