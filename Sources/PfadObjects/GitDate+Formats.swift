import Foundation

extension GitDate {
    /// A validated calendar date and time of day.
    struct CivilTime {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

        /// Seconds since the epoch if this wall time were UTC; nil when a
        /// field is out of range.
        var wallSeconds: Int64? {
            guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
                  (0...59).contains(minute), (0...60).contains(second)
            else { return nil }
            let days = GitDate.daysFromCivil(year: year, month: month, day: day)
            return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        }
    }

    /// Resolves a civil time with an optional zone into a result.
    static func resolve(_ civil: CivilTime, zone: Int?, localZone: TimeZone) -> (time: Int64, offsetMinutes: Int)? {
        guard let wall = civil.wallSeconds else { return nil }
        guard let zone else { return localTime(wall: wall, zone: localZone) }
        return (wall - Int64(zone) * 60, zone)
    }

    /// `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][ ][zone]`.
    static func parseISO(_ bytes: [UInt8], localZone: TimeZone) -> (time: Int64, offsetMinutes: Int)? {
        guard bytes.count >= 16, bytes[4] == 0x2D, bytes[7] == 0x2D,
              bytes[10] == 0x54 || bytes[10] == 0x20 || bytes[10] == 0x74, bytes[13] == 0x3A,
              let year = digitsValue(bytes[0..<4]), let month = digitsValue(bytes[5..<7]),
              let day = digitsValue(bytes[8..<10]), let hour = digitsValue(bytes[11..<13]),
              let minute = digitsValue(bytes[14..<16])
        else { return nil }
        var i = 16
        var second = 0
        if i < bytes.count, bytes[i] == 0x3A {
            guard i + 3 <= bytes.count, let s = digitsValue(bytes[(i + 1)..<(i + 3)]) else { return nil }
            second = s
            i += 3
            if i < bytes.count, bytes[i] == 0x2E || bytes[i] == 0x2C {
                i += 1
                let fractionStart = i
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
                guard i > fractionStart else { return nil }
            }
        }
        let rest = Array(bytes[i...]).trimmingSpaces()
        var zone: Int? = nil
        if !rest.isEmpty {
            guard let z = parseZone(rest) else { return nil }
            zone = z
        }
        let civil = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return resolve(civil, zone: zone, localZone: localZone)
    }

    /// `[Day, ]DD Mon YYYY HH:MM[:SS] [zone]` (RFC 2822).
    static func parseRFC2822(_ bytes: [UInt8], localZone: TimeZone) -> (time: Int64, offsetMinutes: Int)? {
        var text = String(decoding: bytes, as: UTF8.self)
        if let comma = text.firstIndex(of: ",") {
            let weekday = text[..<comma].lowercased()
            guard weekdays.contains(where: { weekday.hasPrefix($0) }) else { return nil }
            text = String(text[text.index(after: comma)...])
        }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 4 || fields.count == 5,
              let day = digitsValue(Array(fields[0].utf8)),
              let month = months.firstIndex(of: fields[1].prefix(3).lowercased()),
              let year = digitsValue(Array(fields[2].utf8)), fields[2].count == 4
        else { return nil }
        let clock = fields[3].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3,
              let hour = digitsValue(Array(clock[0].utf8)), let minute = digitsValue(Array(clock[1].utf8))
        else { return nil }
        var second = 0
        if clock.count == 3 {
            guard let s = digitsValue(Array(clock[2].utf8)) else { return nil }
            second = s
        }
        var zone: Int? = nil
        if fields.count == 5 {
            guard let z = parseZone(Array(fields[4].utf8)) else { return nil }
            zone = z
        }
        let civil = CivilTime(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second)
        return resolve(civil, zone: zone, localZone: localZone)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
}
