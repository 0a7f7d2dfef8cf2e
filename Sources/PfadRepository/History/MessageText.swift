/// Pieces of commit and tag messages as `log` prints them.
enum MessageText {
    /// The message's lines without leading and trailing blank lines.
    static func bodyLines(_ message: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines = message.split(separator: 0x0A, omittingEmptySubsequences: false)
        while let first = lines.first, isBlank(first) { lines.removeFirst() }
        while let last = lines.last, isBlank(last) { lines.removeLast() }
        return lines
    }

    /// A message line as the block formats show it: four spaces, then the
    /// line without trailing whitespace and with tabs expanded to multiples of eight columns (counted from
    /// the start of the line, bytes of a UTF-8 sequence counting once).
    static func indented(_ untrimmed: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = [0x20, 0x20, 0x20, 0x20]
        var line = untrimmed
        while let last = line.last, last == 0x20 || last == 0x09 || last == 0x0D { line.removeLast() }
        guard line.contains(0x09) else { return out + line }
        var column = 0
        for byte in line {
            if byte == 0x09 {
                let spaces = 8 - column % 8
                out += repeatElement(0x20, count: spaces)
                column += spaces
            } else {
                out.append(byte)
                if byte & 0xC0 != 0x80 { column += 1 }
            }
        }
        return out
    }

    /// `%b`: the message after the subject paragraph and the blank lines
    /// that follow it, unchanged.
    static func body(_ message: [UInt8]) -> [UInt8] {
        var i = message.startIndex
        // Leading blank lines, then the subject paragraph.
        var inSubject = false
        while i < message.endIndex {
            let end = message[i...].firstIndex(of: 0x0A) ?? message.endIndex
            let blank = isBlank(message[i..<end])
            if inSubject && blank { break }
            if !blank { inSubject = true }
            i = end == message.endIndex ? end : end + 1
        }
        // Blank lines after the subject.
        while i < message.endIndex {
            let end = message[i...].firstIndex(of: 0x0A) ?? message.endIndex
            guard isBlank(message[i..<end]) else { break }
            i = end == message.endIndex ? end : end + 1
        }
        return Array(message[i...])
    }

    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
