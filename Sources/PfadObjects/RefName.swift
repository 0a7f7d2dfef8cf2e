/// git's ref-name rules (`Documentation/git-check-ref-format.txt`).
public enum RefName {
    /// True if `name` is a valid ref name, as `git check-ref-format` decides.
    ///
    /// Rules: components separated by `/`, none empty, none starting with `.`
    /// or ending with `.lock`; at least two components unless
    /// `allowOneLevel`; no `..`, no `@{`, not `@` alone; no ASCII control
    /// characters, DEL, space, `~ ^ : ? * [ \`; no leading or trailing `/`;
    /// no trailing `.`. With `refspecPattern`, one `*` is allowed. O(n).
    public static func isValid(_ name: [UInt8], allowOneLevel: Bool = false, refspecPattern: Bool = false) -> Bool {
        if name.isEmpty || name == [0x40] { return false }  // "" or "@"
        if name.last == 0x2E { return false }  // trailing "."
        var components = 0
        var stars = 0
        var componentStart = 0
        var previous: UInt8 = 0x2F  // as if preceded by "/": catches a leading "/"
        var index = 0
        while index <= name.count {
            let byte: UInt8 = index < name.count ? name[index] : 0x2F
            if byte == 0x2F {
                if previous == 0x2F { return false }  // empty component ("//", leading or trailing "/")
                let component = name[componentStart..<index]
                if component.first == 0x2E { return false }
                if component.count >= 5 && component.suffix(5).elementsEqual(lockSuffix) { return false }
                components += 1
                componentStart = index + 1
            } else {
                switch byte {
                case 0..<0x20, 0x7F, 0x20, 0x7E, 0x5E, 0x3A, 0x3F, 0x5B, 0x5C:  // control, space ~ ^ : ? [ \
                    return false
                case 0x2A:  // *
                    stars += 1
                    if !refspecPattern || stars > 1 { return false }
                case 0x2E where previous == 0x2E:  // ".."
                    return false
                case 0x7B where previous == 0x40:  // "@{"
                    return false
                default:
                    break
                }
            }
            previous = byte
            index += 1
        }
        return components >= 2 || allowOneLevel
    }

    /// True for names the ref store may create: valid names under `refs/`,
    /// or one-level all-caps names such as `HEAD`, `ORIG_HEAD`, `MERGE_HEAD`.
    public static func isStorable(_ name: [UInt8]) -> Bool {
        if name.starts(with: refsPrefix) { return isValid(name) }
        return !name.isEmpty && name.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x5F }
            && name.first != 0x5F && name.last != 0x5F
    }

    static let lockSuffix: [UInt8] = Array(".lock".utf8)
    static let refsPrefix: [UInt8] = Array("refs/".utf8)
}
