/// One line of a `--stat` table.
public struct DiffStatEntry: Sendable, Hashable {
    /// Display name (see `FilePatch.statName`).
    public var name: [UInt8]
    /// Added lines (0 for binary).
    public var added: Int
    /// Deleted lines (0 for binary).
    public var deleted: Int
    /// For binary files: the old and new sizes in bytes.
    public var binarySizes: (old: Int, new: Int)?

    /// Creates an entry.
    public init(name: [UInt8], added: Int, deleted: Int, binarySizes: (old: Int, new: Int)? = nil) {
        self.name = name
        self.added = added
        self.deleted = deleted
        self.binarySizes = binarySizes
    }

    /// Entries are equal when all fields are.
    public static func == (l: Self, r: Self) -> Bool {
        l.name == r.name && l.added == r.added && l.deleted == r.deleted
            && l.binarySizes?.old == r.binarySizes?.old && l.binarySizes?.new == r.binarySizes?.new
    }

    /// Hashes name and counts.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(added)
        hasher.combine(deleted)
    }
}

/// Renders `--stat` and `--numstat` as git does (80 columns when not on a
/// terminal; names shortened with `...`, graphs scaled to fit).
public enum DiffStat {
    /// The `--numstat` lines. O(entries).
    public static func numstat(_ entries: [DiffStatEntry]) -> [UInt8] {
        var out: [UInt8] = []
        for e in entries {
            if e.binarySizes != nil {
                out += Array("-\t-\t".utf8)
            } else {
                out += Array("\(e.added)\t\(e.deleted)\t".utf8)
            }
            out += e.name + [0x0A]
        }
        return out
    }

    /// The `--stat` table and summary line for a total `width` of columns
    /// (`--stat=<width>,<name-width>,<count>`, `--stat-graph-width`): names
    /// at most `nameWidth` columns, graphs at most `graphWidth`, only the
    /// first `count` files listed (then ` ...`); the summary counts all.
    public static func stat(
        _ allEntries: [DiffStatEntry], width: Int = 80, nameWidth nameLimit: Int? = nil,
        graphWidth graphLimit: Int? = nil, count: Int? = nil
    ) -> [UInt8] {
        guard !allEntries.isEmpty else { return [] }
        let entries = count.map { Array(allEntries.prefix(max(0, $0))) } ?? allEntries
        var maxChange = 0
        var maxName = 0
        var hasBinary = false
        for e in entries {
            if e.binarySizes != nil { hasBinary = true } else { maxChange = max(maxChange, e.added + e.deleted) }
            maxName = max(maxName, displayWidth(e.name))
        }
        var numberWidth = String(maxChange).count
        if hasBinary { numberWidth = max(numberWidth, 3) }
        var graphWidth = maxChange
        var nameWidth = maxName
        if let nameLimit, nameLimit > 0, nameWidth > nameLimit { nameWidth = nameLimit }
        if let graphLimit, graphLimit > 0, graphWidth > graphLimit { graphWidth = graphLimit }
        if nameWidth + numberWidth + 6 + graphWidth > width {
            let limit = width * 3 / 8 - numberWidth - 6
            if graphWidth > limit { graphWidth = max(limit, 6) }
            if let graphLimit, graphLimit > 0, graphWidth > graphLimit { graphWidth = graphLimit }
            if nameWidth > width - numberWidth - 6 - graphWidth {
                nameWidth = width - numberWidth - 6 - graphWidth
            } else {
                graphWidth = width - numberWidth - 6 - nameWidth
            }
        }
        var out: [UInt8] = []
        for e in entries {
            out.append(0x20)
            let shown = shorten(e.name, to: nameWidth)
            out += shown
            out += [UInt8](repeating: 0x20, count: max(0, nameWidth - displayWidth(shown)))
            out += Array(" | ".utf8)
            if let sizes = e.binarySizes {
                out += pad("Bin", numberWidth) + Array(" \(sizes.old) -> \(sizes.new) bytes\n".utf8)
                continue
            }
            out += pad(String(e.added + e.deleted), numberWidth)
            var add = e.added, del = e.deleted
            if graphWidth < maxChange {
                var total = scale(add + del, graphWidth, maxChange)
                if total < 2 && add > 0 && del > 0 { total = 2 }
                if add < del {
                    add = scale(add, graphWidth, maxChange)
                    del = total - add
                } else {
                    del = scale(del, graphWidth, maxChange)
                    add = total - del
                }
            }
            if add + del > 0 {
                out.append(0x20)
                out += [UInt8](repeating: 0x2B, count: add)
                out += [UInt8](repeating: 0x2D, count: del)
            }
            out.append(0x0A)
        }
        if entries.count < allEntries.count { out += Array(" ...\n".utf8) }
        let insertions = allEntries.reduce(0) { $0 + ($1.binarySizes == nil ? $1.added : 0) }
        let deletions = allEntries.reduce(0) { $0 + ($1.binarySizes == nil ? $1.deleted : 0) }
        out += summary(files: allEntries.count, insertions: insertions, deletions: deletions)
        return out
    }

    /// git's summary line: ` N files changed, X insertions(+), Y deletions(-)`.
    public static func summary(files: Int, insertions: Int, deletions: Int) -> [UInt8] {
        var text = " \(files) file\(files == 1 ? "" : "s") changed"
        let neither = insertions == 0 && deletions == 0
        if insertions > 0 || neither { text += ", \(insertions) insertion\(insertions == 1 ? "" : "s")(+)" }
        if deletions > 0 || neither { text += ", \(deletions) deletion\(deletions == 1 ? "" : "s")(-)" }
        return Array((text + "\n").utf8)
    }

    static func scale(_ value: Int, _ width: Int, _ maximum: Int) -> Int {
        value == 0 ? 0 : 1 + value * (width - 1) / maximum
    }

    static func pad(_ text: String, _ width: Int) -> [UInt8] {
        [UInt8](repeating: 0x20, count: max(0, width - text.utf8.count)) + Array(text.utf8)
    }

    /// Columns of a UTF-8 name (one per scalar; invalid bytes count one each).
    static func displayWidth(_ name: [UInt8]) -> Int {
        name.reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
    }

    /// `...` plus the tail of `name` fitting `width`, cut after a `/` when one is there.
    static func shorten(_ name: [UInt8], to width: Int) -> [UInt8] {
        let total = displayWidth(name)
        guard total > width else { return name }
        var skip = total - width + 3
        var index = 0
        while index < name.count && (skip > 0 || (name[index] & 0xC0) == 0x80) {
            if (name[index] & 0xC0) != 0x80 { skip -= 1 }
            index += 1
        }
        var tail = Array(name[index...])
        if let slash = tail.firstIndex(of: 0x2F) { tail = Array(tail[slash...]) }
        return Array("...".utf8) + tail
    }
}
