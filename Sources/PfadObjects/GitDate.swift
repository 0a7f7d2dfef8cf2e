import Foundation

/// Parsing of the dates git accepts in `GIT_AUTHOR_DATE`,
/// `GIT_COMMITTER_DATE` and `--date` (see "DATE FORMATS" in
/// `git-commit(1)`), and formatting of zone offsets.
///
/// Supported: git's internal `1700000000 +0100`, `@1700000000 +0100`,
/// `@1700000000`, ISO 8601 (`2026-11-28T10:15:00+01:00`,
/// `2026-11-28 10:15:00 +0100`, `...Z`, fractional seconds ignored) and
/// RFC 2822 (`Sat, 28 Nov 2026 10:15:00 +0100`, zone `GMT`/`UT`/`UTC`/`Z`
/// too). Git's free-form "approxidate" phrases are not supported.
public enum GitDate {
    /// Parses `string`; nil if it is in none of the supported formats.
    ///
    /// Where the string has no zone, git uses the local zone at that instant
    /// (verified with git 2.39: `TZ=Europe/Berlin GIT_AUTHOR_DATE=@1700000000`
    /// gives `1700000000 +0100`); this uses `TimeZone.current`.
    public static func parse(_ string: String) -> (time: Int64, offsetMinutes: Int)? {
        parse(string, localZone: TimeZone.current)
    }

    /// Parses `string`, using `localZone` where the string has no zone.
    public static func parse(_ string: String, localZone: TimeZone) -> (time: Int64, offsetMinutes: Int)? {
        let bytes = Array(string.utf8).trimmingSpaces()
        guard !bytes.isEmpty else { return nil }
        if let internalForm = parseInternal(bytes, localZone: localZone) { return internalForm }
        if let iso = parseISO(bytes, localZone: localZone) { return iso }
        return parseRFC2822(bytes, localZone: localZone)
    }

    /// Formats an offset in minutes east of UTC as git writes it:
    /// `"+0100"`, `"-0530"`, `"+0000"`.
    public static func formatOffset(minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : "+"
        let magnitude = minutes.magnitude
        let hours = magnitude / 60, mins = magnitude % 60
        return sign + (hours < 10 ? "0" : "") + String(hours) + (mins < 10 ? "0" : "") + String(mins)
    }

    /// Minutes east of UTC for an offset written `[+-]hhmm`; nil otherwise.
    public static func parseOffset(_ bytes: some Collection<UInt8>) -> Int? {
        let b = Array(bytes)
        guard b.count == 5, b[0] == 0x2B || b[0] == 0x2D,
              let hh = digitsValue(b[1..<3]), let mm = digitsValue(b[3..<5])
        else { return nil }
        let minutes = hh * 60 + mm
        return b[0] == 0x2D ? -minutes : minutes
    }

    // MARK: - Internal form

    /// `ts`, `@ts`, each optionally followed by a zone.
    static func parseInternal(_ bytes: [UInt8], localZone: TimeZone) -> (time: Int64, offsetMinutes: Int)? {
        var body = bytes[...]
        let hasAt = body.first == 0x40
        if hasAt { body = body.dropFirst() }
        let digits = body.prefix { $0 >= 0x30 && $0 <= 0x39 }
        // Bare numbers are timestamps only when long enough not to be a
        // year or a day (git's rule of thumb); with "@" any length counts.
        guard !digits.isEmpty, hasAt || digits.count >= 9,
              let time = Int64(String(decoding: digits, as: UTF8.self))
        else { return nil }
        let rest = Array(body.dropFirst(digits.count)).trimmingSpaces()
        if rest.isEmpty { return (time, localOffsetMinutes(at: time, zone: localZone)) }
        guard let offset = parseZone(rest) else { return nil }
        return (time, offset)
    }

    /// A zone written `[+-]hhmm`, `[+-]hh:mm`, `[+-]hh`, `Z`, `UTC`, `GMT`, `UT`.
    static func parseZone(_ bytes: [UInt8]) -> Int? {
        switch String(decoding: bytes, as: UTF8.self).uppercased() {
        case "Z", "UTC", "GMT", "UT": return 0
        default: break
        }
        guard let first = bytes.first, first == 0x2B || first == 0x2D else { return nil }
        let digits = bytes.dropFirst().filter { $0 != 0x3A }
        guard bytes.count - 1 - digits.count <= 1 else { return nil }
        let value: Int
        switch digits.count {
        case 2:
            guard let hh = digitsValue(digits) else { return nil }
            value = hh * 60
        case 4:
            guard let hh = digitsValue(digits.prefix(2)), let mm = digitsValue(digits.suffix(2)) else { return nil }
            value = hh * 60 + mm
        default:
            return nil
        }
        return first == 0x2D ? -value : value
    }

    /// The zone offset of `zone` at `time`, in minutes.
    static func localOffsetMinutes(at time: Int64, zone: TimeZone) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time))) / 60
    }

    /// Seconds since the epoch of a wall-clock time in `zone`.
    static func localTime(wall: Int64, zone: TimeZone) -> (time: Int64, offsetMinutes: Int) {
        let guess = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall))))
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall - guess))))
        return (wall - offset, Int(offset / 60))
    }

    /// Value of a run of ASCII digits; nil if any byte is not a digit.
    static func digitsValue(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for b in bytes {
            guard b >= 0x30, b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Array where Element == UInt8 {
    /// The bytes without leading and trailing ASCII spaces and tabs.
    func trimmingSpaces() -> [UInt8] {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return [] }
        return Array(self[start...end])
    }
}
