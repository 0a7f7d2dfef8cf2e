extension Signature {
    /// Parses `Name <email> time offset` (no trailing newline). O(n).
    ///
    /// Exact: `parse(x).serialized() == x` for every line it accepts. It
    /// throws `ObjectError.badSignature` where git's fsck would complain
    /// about the line's structure (see `ObjectChecker` for the ids); names
    /// and e-mails are not otherwise judged.
    public static func parse(_ line: some Collection<UInt8>) throws -> Signature {
        let bytes = Array(line)
        func fail(_ reason: String) -> ObjectError { .badSignature(line: bytes, reason: reason) }
        guard let lt = bytes.firstIndex(of: 0x3C) else { throw fail("missing email") }
        guard let gt = bytes[lt...].firstIndex(of: 0x3E) else { throw fail("bad email") }
        if bytes[..<lt].contains(0x3E) || bytes.contains(0x0A) { throw fail("bad name") }
        guard lt > 0, bytes[lt - 1] == 0x20 else { throw fail("missing space before email") }
        let email = Array(bytes[(lt + 1)..<gt])
        if email.contains(0x3C) { throw fail("bad email") }
        var i = gt + 1
        guard i < bytes.count, bytes[i] == 0x20 else { throw fail("missing space before date") }
        i += 1
        let dateStart = i
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        guard i > dateStart, let time = Int64(String(decoding: bytes[dateStart..<i], as: UTF8.self)) else {
            throw fail("bad date")
        }
        guard i < bytes.count, bytes[i] == 0x20 else { throw fail("bad date") }
        let offset = Array(bytes[(i + 1)...])
        guard GitDate.parseOffset(offset) != nil else { throw fail("bad time zone") }
        return Signature(name: Array(bytes[..<(lt - 1)]), email: email, time: time, offset: offset)
    }
}
