/// A stored time that cannot be shown in its own zone; descriptions are
/// git 2.39's messages (it stops with `fatal:` on both).
public enum DateStyleError: Error, Equatable, CustomStringConvertible {
    /// The time shifted into its zone passes the largest 64-bit time;
    /// `shifted` is that sum as git prints it (unsigned).
    case tooLarge(UInt64)
    /// The time shifted into a zone west of UTC falls before 1970; `zone`
    /// is the offset as the decimal number git prints (`-100` for `-0100`).
    case beforeEpoch(time: Int64, zone: Int)

    public var description: String {
        switch self {
        case .tooLarge(let shifted): return "Timestamp too large for this system: \(shifted)"
        case .beforeEpoch(let time, let zone): return "Timestamp before Unix epoch: \(time) \(Self.fourDigits(zone))"
        }
    }

    /// `%04d`: at least four characters, zero-padded after the sign.
    private static func fourDigits(_ n: Int) -> String {
        let digits = String(n.magnitude)
        let width = n < 0 ? 3 : 4
        return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
