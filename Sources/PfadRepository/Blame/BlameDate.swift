/// blame's default date: `YYYY-MM-DD HH:MM:SS +ZZZZ` in the signature's
/// own zone (git's `iso` style as `git blame` prints it).
public enum BlameDate {
    /// Formats `time` (seconds since the epoch) shifted by the zone
    /// `offset` (bytes such as `+0100`; unreadable zones count as +0000).
    public static func iso(time: Int64, offset: [UInt8]) -> String {
        let minutes = parseOffset(offset)
        let local = time + Int64(minutes) * 60
        var days = local / 86_400
        var seconds = local % 86_400
        if seconds < 0 {
            seconds += 86_400
            days -= 1
        }
        let (year, month, day) = civil(fromDays: days)
        let zone = offset.count == 5 ? String(decoding: offset, as: UTF8.self) : "+0000"
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) "
            + "\(pad(seconds / 3600, 2)):\(pad(seconds % 3600 / 60, 2)):\(pad(seconds % 60, 2)) \(zone)"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func parseOffset(_ bytes: [UInt8]) -> Int {
        guard bytes.count == 5, bytes[0] == 0x2B || bytes[0] == 0x2D,
              bytes[1...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return 0 }
        let digits = bytes[1...].map { Int($0 - 0x30) }
        let value = (digits[0] * 10 + digits[1]) * 60 + digits[2] * 10 + digits[3]
        return bytes[0] == 0x2D ? -value : value
    }

    /// Proleptic Gregorian date of a day count since 1970-01-01.
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
