import PfadObjects
import PfadStore

extension Repository {
    /// The shortest hex prefix of `id`, at least `minimum` digits, that no
    /// other object in the database shares — git's `--short`/`%h`.
    ///
    /// With `minimum` nil the length follows git's `core.abbrev` default
    /// ("auto": 7 digits, more when the object count makes 7 likely to clash).
    public func abbreviate(_ id: ObjectID, minimum: Int? = nil) throws -> String {
        let hex = id.hex
        var length = minimum ?? defaultAbbreviationLength()
        length = max(4, min(length, hex.count))
        while length < hex.count {
            let prefix = String(hex.prefix(length))
            let matches = try objects.ids(withHexPrefix: prefix)
            if matches.allSatisfy({ $0 == id }) { break }
            length += 1
        }
        return String(hex.prefix(length))
    }

    /// `core.abbrev`, or git's automatic length.
    ///
    /// git sizes automatic abbreviations by its approximate object count,
    /// which counts packed objects only (loose ones are ignored): with n
    /// packed objects and b the number of bits of n, the length is b/2
    /// rounded up, at least 7 (so 8 digits from 2^14 packed objects on).
    func defaultAbbreviationLength() -> Int {
        if let configured = settings.get("core.abbrev") {
            if configured == "no" { return algorithm.hexLength }
            if let n = Int(configured) { return max(4, n) }
        }
        let count = (try? objects.packed.objectCount()) ?? 0
        let bits = max(Int.bitWidth - count.leadingZeroBitCount, 1)
        return max(7, (bits + 1) / 2)
    }
}
