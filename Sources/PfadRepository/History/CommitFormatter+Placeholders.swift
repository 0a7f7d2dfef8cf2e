import PfadObjects

extension CommitFormatter {
    /// Expands a `format:` template for one commit. Supported: `%H %h %T %t
    /// %P %p %an %ae %at %ai %aI %ad %as %cn %ce %ct %ci %cI %cd %cs %s %b
    /// %B %d %D %n %% %xNN`, with the `%+`, `%-` and `% ` modifiers.
    /// Unknown placeholders are copied literally, as git does.
    func expand(_ template: [UInt8], _ id: ObjectID, _ commit: Commit) throws -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < template.count {
            let byte = template[i]
            guard byte == 0x25, i + 1 < template.count else {
                out.append(byte)
                i += 1
                continue
            }
            var j = i + 1
            var modifier: UInt8?
            if template[j] == 0x2B || template[j] == 0x2D || template[j] == 0x20, j + 1 < template.count {
                modifier = template[j]
                j += 1
            }
            guard let (value, length) = try placeholder(template, at: j, id, commit) else {
                out.append(byte)
                i += 1
                continue
            }
            switch modifier {
            case 0x2B?:
                if !value.isEmpty { out.append(0x0A) }
            case 0x2D?:
                if value.isEmpty { while out.last == 0x0A { out.removeLast() } }
            case 0x20?:
                if !value.isEmpty { out.append(0x20) }
            default:
                break
            }
            out += value
            i = j + length
        }
        return out
    }

    /// The value of the placeholder starting at `template[at]` (after `%`)
    /// and its length; nil when unknown.
    private func placeholder(_ t: [UInt8], at i: Int, _ id: ObjectID, _ commit: Commit) throws -> ([UInt8], Int)? {
        func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }
        switch t[i] {
        case UInt8(ascii: "H"): return (id.hexBytes, 1)
        case UInt8(ascii: "h"): return (utf8(try abbreviate(id)), 1)
        case UInt8(ascii: "T"): return (commit.tree.hexBytes, 1)
        case UInt8(ascii: "t"): return (utf8(try abbreviate(commit.tree)), 1)
        case UInt8(ascii: "P"): return (Array(commit.parents.map(\.hexBytes).joined(separator: [0x20])), 1)
        case UInt8(ascii: "p"): return (utf8(try commit.parents.map { try abbreviate($0) }.joined(separator: " ")), 1)
        case UInt8(ascii: "s"): return (commit.summary, 1)
        case UInt8(ascii: "b"): return (MessageText.body(commit.message), 1)
        case UInt8(ascii: "B"): return (commit.message, 1)
        case UInt8(ascii: "n"): return ([0x0A], 1)
        case UInt8(ascii: "%"): return ([0x25], 1)
        case UInt8(ascii: "d"):
            if decorations == nil { decorations = try Decorations(repository: repository) }
            return (decorations?.parenthesized(id) ?? [], 1)
        case UInt8(ascii: "D"):
            if decorations == nil { decorations = try Decorations(repository: repository) }
            return (decorations?.list(id) ?? [], 1)
        case UInt8(ascii: "x"):
            guard i + 2 < t.count, let hi = Hex.value(of: t[i + 1]), let lo = Hex.value(of: t[i + 2]) else { return nil }
            return ([hi << 4 | lo], 3)
        case UInt8(ascii: "a"), UInt8(ascii: "c"):
            guard i + 1 < t.count else { return nil }
            let who = t[i] == UInt8(ascii: "a") ? commit.author : commit.committer
            guard let value = try person(who, t[i + 1]) else { return nil }
            return (value, 2)
        default:
            return nil
        }
    }

    /// `%an %ae %at %ai %aI %ad %as` (and the committer's).
    private func person(_ s: Signature, _ field: UInt8) throws -> [UInt8]? {
        func date(_ style: DateStyle) throws -> [UInt8] { Array(try style.format(time: s.time, offset: s.offset).utf8) }
        switch field {
        case UInt8(ascii: "n"): return s.name
        case UInt8(ascii: "e"): return s.email
        case UInt8(ascii: "t"): return Array(String(s.time).utf8)
        case UInt8(ascii: "i"): return try date(.iso)
        case UInt8(ascii: "I"): return try date(.isoStrict)
        case UInt8(ascii: "d"): return try date(dateStyle)
        case UInt8(ascii: "s"): return try date(.short)
        case UInt8(ascii: "D"): return try date(.rfc)
        default: return nil
        }
    }
}
