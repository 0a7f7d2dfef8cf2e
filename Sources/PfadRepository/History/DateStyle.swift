import PfadObjects

/// The `--date=` styles (`Documentation/rev-list-options.txt`, `--date`),
/// formatting a stored time in its own stored zone offset (never the local
/// zone).
public enum DateStyle: String, Sendable, CaseIterable {
    /// `Sat Nov 28 10:15:00 2026 +0100`.
    case `default`
    /// `2026-11-28 10:15:00 +0100` (`iso`, `iso8601`).
    case iso
    /// `2026-11-28T10:15:00+01:00` (`iso-strict`, `iso8601-strict`).
    case isoStrict = "iso-strict"
    /// `Sat, 28 Nov 2026 10:15:00 +0100` (`rfc`, `rfc2822`).
    case rfc
    /// `2026-11-28`.
    case short
    /// `1795857300 +0100`.
    case raw
    /// `1795857300`.
    case unix

    /// The style named by a `--date=` value; nil when unknown.
    public init?(name: String) {
        switch name {
        case "default": self = .default
        case "iso", "iso8601": self = .iso
        case "iso-strict", "iso8601-strict": self = .isoStrict
        case "rfc", "rfc2822": self = .rfc
        case "short": self = .short
        case "raw": self = .raw
        case "unix": self = .unix
        default: return nil
        }
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats `time` (seconds since the epoch) shown in zone `offset`
    /// (as stored, `+hhmm`; an unreadable offset counts as `+0000`). O(1).
    ///
    /// Times come from objects anyone can write, so nothing here may trap.
    /// As git 2.39 does: a time whose shift into its zone leaves the 64-bit
    /// range, or lands before 1970, is an error
    /// (`DateStyleError`); a time so far ahead that its year no longer fits
    /// the C library's calendar (year 2,147,485,547 and on) is shown as the
    /// epoch in `+0000`. `raw` and `unix` print the number as it is.
    public func format(time: Int64, offset: [UInt8]) throws(DateStyleError) -> String {
        var minutes = GitDate.parseOffset(offset) ?? 0
        switch self {
        case .raw: return "\(time) \(GitDate.formatOffset(minutes: minutes))"
        case .unix: return "\(time)"
        default: break
        }
        let shift = Int64(minutes) * 60
        var local: Int64
        if shift > 0 {
            let (sum, overflow) = time.addingReportingOverflow(shift)
            guard !overflow else { throw .tooLarge(UInt64(bitPattern: time) &+ UInt64(shift)) }
            local = sum
        } else {
            if shift < 0 && time < -shift {
                throw .beforeEpoch(time: time, zone: (minutes / 60) * 100 + minutes % 60)
            }
            local = time + shift
        }
        if local / 86_400 > Self.lastRepresentableDay {
            local = 0
            minutes = 0
        }
        let zone = GitDate.formatOffset(minutes: minutes)
        let days = Self.floorDivide(local, 86_400)
        let seconds = Int(local - days * 86_400)
        let (year, month, day) = Self.civil(days: days)
        let weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday
        let clock = "\(Self.two(seconds / 3600)):\(Self.two(seconds / 60 % 60)):\(Self.two(seconds % 60))"
        let date = "\(year)-\(Self.two(month))-\(Self.two(day))"
        switch self {
        case .default:
            return "\(Self.weekdays[weekday]) \(Self.months[month - 1]) \(day) \(clock) \(year) \(zone)"
        case .iso:
            return "\(date) \(clock) \(zone)"
        case .isoStrict:
            let colon = String(zone.prefix(3)) + ":" + String(zone.suffix(2))
            return "\(date)T\(clock)\(colon)"
        case .rfc:
            return "\(Self.weekdays[weekday]), \(day) \(Self.months[month - 1]) \(year) \(clock) \(zone)"
        case .short:
            return date
        case .raw, .unix:
            return ""
        }
    }

    /// The last day (counted from 1970-01-01) whose year the C library's
    /// `struct tm` still holds: 31 December of year 2,147,485,547.
    static let lastRepresentableDay: Int64 = 784_352_270_736

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Year, month, day of a day count since 1970-01-01 (proleptic
    /// Gregorian), by 400-year eras.
    static func civil(days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
