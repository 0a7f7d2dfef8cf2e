/// The indentation of every line of both sides, as the indent heuristic
/// (git's default placement of ambiguous change groups) needs it: the
/// width of the leading white space, a tab advancing to the next multiple
/// of 8, capped at `maximum`; -1 for a line holding only white space
/// (terminator included).
public struct LineIndentation: Sendable, Hashable {
    /// Widths of the old lines.
    public let old: [Int16]
    /// Widths of the new lines.
    public let new: [Int16]

    /// Widths above this count as this (keeps work and scores bounded).
    public static let maximum = 200

    /// Creates the table from precomputed widths.
    public init(old: [Int16], new: [Int16]) {
        self.old = old
        self.new = new
    }

    /// Measures the lines `oldLines` of `old` and `newLines` of `new`.
    /// O(leading white space of each line).
    public init(old: [UInt8], oldLines: [Range<Int>], new: [UInt8], newLines: [Range<Int>]) {
        self.old = oldLines.map { Int16(Self.width(old[$0])) }
        self.new = newLines.map { Int16(Self.width(new[$0])) }
    }

    /// The indentation width of one line (terminator may be included), or
    /// -1 when it has nothing but white space. Spaces count 1, a tab moves
    /// to the next multiple of 8; other white space (`\r`, `\v`, `\f`,
    /// `\n`) counts 0 but does not end the indentation.
    public static func width(_ line: ArraySlice<UInt8>) -> Int {
        var width = 0
        for byte in line {
            switch byte {
            case UInt8(ascii: " "): width += 1
            case UInt8(ascii: "\t"): width += 8 - width % 8
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C: break
            default: return width
            }
            if width >= maximum { return maximum }
        }
        return -1
    }
}
