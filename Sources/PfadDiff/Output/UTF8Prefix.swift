/// The longest prefix of bytes made of complete, valid UTF-8 characters,
/// by the rules git's hunk-header output applies: no overlong forms, no
/// surrogates, no U+FFFE/U+FFFF, nothing above U+10FFFF.
enum UTF8Prefix {
    /// The index where the valid prefix of `bytes` ends. O(prefix length).
    static func validEnd(_ bytes: ArraySlice<UInt8>) -> Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let length = characterLength(bytes, at: i)
            if length == 0 { return i }
            i += length
        }
        return end
    }

    /// Length of the valid character starting at `i`, or 0.
    private static func characterLength(_ s: ArraySlice<UInt8>, at i: Int) -> Int {
        let remaining = s.endIndex - i
        let lead = s[i]
        func continuation(_ k: Int) -> Bool { s[i + k] & 0xC0 == 0x80 }
        if lead < 0x80 { return 1 }
        if lead & 0xE0 == 0xC0 {
            guard remaining >= 2, continuation(1), lead & 0xFE != 0xC0 else { return 0 }
            return 2
        }
        if lead & 0xF0 == 0xE0 {
            guard remaining >= 3, continuation(1), continuation(2) else { return 0 }
            let second = s[i + 1]
            if lead == 0xE0 && second & 0xE0 == 0x80 { return 0 }  // overlong
            if lead == 0xED && second & 0xE0 == 0xA0 { return 0 }  // surrogate
            if lead == 0xEF && second == 0xBF && s[i + 2] & 0xFE == 0xBE { return 0 }  // U+FFFE, U+FFFF
            return 3
        }
        if lead & 0xF8 == 0xF0 {
            guard remaining >= 4, continuation(1), continuation(2), continuation(3) else { return 0 }
            let second = s[i + 1]
            if lead == 0xF0 && second & 0xF0 == 0x80 { return 0 }  // overlong
            if (lead == 0xF4 && second > 0x8F) || lead > 0xF4 { return 0 }  // above U+10FFFF
            return 4
        }
        return 0
    }
}
