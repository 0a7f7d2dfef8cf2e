/// An identity with a timestamp, as in `author`, `committer` and `tagger`
/// lines: `Name <email> 1700000000 +0100`.
public struct Signature: Hashable, Sendable {
    /// The name, raw bytes (may be empty).
    public var name: [UInt8]
    /// The e-mail address between `<` and `>`, raw bytes.
    public var email: [UInt8]
    /// Seconds since the Unix epoch.
    public var time: Int64
    /// The zone offset exactly as written, e.g. `"+0100"`.
    public var offset: [UInt8]

    /// A signature with the offset given as bytes.
    public init(name: [UInt8], email: [UInt8], time: Int64, offset: [UInt8]) {
        self.name = name
        self.email = email
        self.time = time
        self.offset = offset
    }

    /// A signature whose offset is `offsetMinutes` east of UTC, written as
    /// git writes it (`"+0100"`, `"-0530"`).
    public init(name: [UInt8], email: [UInt8], time: Int64, offsetMinutes: Int) {
        self.init(name: name, email: email, time: time, offset: Array(GitDate.formatOffset(minutes: offsetMinutes).utf8))
    }

    /// The offset in minutes east of UTC, or nil if `offset` is not of the
    /// form `[+-]hhmm`.
    public var offsetMinutes: Int? { GitDate.parseOffset(offset) }

    /// `Name <email> time offset`, the form used in object headers. O(n).
    public func serialized() -> [UInt8] {
        var out = name
        out += [0x20, 0x3C]
        out += email
        out += [0x3E, 0x20]
        out += Array(String(time).utf8)
        out.append(0x20)
        out += offset
        return out
    }
}
