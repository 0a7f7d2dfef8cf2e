extension Signature {
    /// Parses `Name <email> time offset` (no trailing newline). O(n).
    ///
    /// Exact: `parse(x).serialized() == x` for every line it accepts. It
    /// throws `ObjectError.badSignature` where git's fsck would complain
    /// (the reason starts with fsck's message id, e.g. `badEmail: ...`),
    /// and for the one layout fsck accepts but that would not round-trip:
    /// more than one space before the date.
    public static func parse(_ line: some Collection<UInt8>) throws -> Signature {
        let bytes = Array(line)
        func fail(_ reason: String) -> ObjectError { .badSignature(line: bytes, reason: reason) }
        if let problem = IdentityRule.check(bytes + [0x0A]) {
            throw fail(problem.id + ": " + problem.message)
        }
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

extension Signature {
    /// The fsck finding git would report for this identity in a commit or
    /// tag (e.g. a name containing `<` or a newline), or nil when it is
    /// valid. Use before writing objects built from user input. O(n).
    public func validate(strict: Bool = false) -> FsckFinding? {
        ObjectChecker.checkIdentity(serialized() + [0x0A], strict: strict)
    }
}
