/// Merges the front matter of three guide versions key by key.
///
/// A key changed by one side takes that side's lines; changed by both to
/// the same lines, those; to different values, a conflict around the key's
/// lines — unless both values and the base's are lists, which are merged
/// by item (items either side removed go, items either side added come,
/// ours' order first). Keys keep ours' order; keys only theirs added follow
/// the key they follow in theirs. Lines of keys nobody changed are copied
/// byte for byte.
struct FrontMatterMerge {
    let base: MergeVersion
    let ours: MergeVersion
    let theirs: MergeVersion

    /// Writes the merged front matter into `out`.
    func write(into out: inout MergedText) {
        let b = base.bytes(base.frontMatterRange)
        let o = ours.bytes(ours.frontMatterRange)
        let t = theirs.bytes(theirs.frontMatterRange)
        if o.elementsEqual(b) || o.elementsEqual(t) { return out.append(t) }
        if t.elementsEqual(b) { return out.append(o) }
        guard let bf = base.frontMatter, let of = ours.frontMatter, let tf = theirs.frontMatter else {
            return out.conflict(ours: Array(o), base: Array(b), theirs: Array(t))
        }
        out.append(pick(bf.opening, of.opening, tf.opening))
        out.append(pick(bf.leading, of.leading, tf.leading))
        for key in order(bf, of, tf) {
            writeKey(key, bf, of, tf, into: &out)
        }
        out.append(pick(bf.closing, of.closing, tf.closing))
    }

    /// The keys of the result: ours' keys in order, then theirs' new keys
    /// after the key they follow in theirs.
    private func order(_ b: FrontMatter, _ o: FrontMatter, _ t: FrontMatter) -> [String] {
        var keys = o.entries.map(\.key)
        let baseKeys = Set(b.entries.map(\.key))
        var previous: String?
        for entry in t.entries {
            defer { previous = entry.key }
            guard !keys.contains(entry.key) else { continue }
            if baseKeys.contains(entry.key) {
                // Ours removed it; it may still conflict. Keep it near its base place.
                keys.append(entry.key)
            } else if let previous, let index = keys.firstIndex(of: previous) {
                keys.insert(entry.key, at: index + 1)
            } else {
                keys.append(entry.key)
            }
        }
        return keys
    }

    private func writeKey(_ key: String, _ b: FrontMatter, _ o: FrontMatter, _ t: FrontMatter, into out: inout MergedText) {
        func entry(_ f: FrontMatter) -> FrontMatterEntry? { f.entries.first { $0.key == key } }
        let be = entry(b), oe = entry(o), te = entry(t)
        let bb = be.map { $0.source + $0.trailing }, ob = oe.map { $0.source + $0.trailing }, tb = te.map { $0.source + $0.trailing }
        switch (ob, tb) {
        case (nil, nil): return
        case let (kept?, nil), let (nil, kept?):
            if bb == nil { return out.append(kept) }  // added by one side
            if kept == bb { return }  // removed by the other
            return out.conflict(ours: ob ?? [], base: bb ?? [], theirs: tb ?? [])
        case let (oursBytes?, theirsBytes?):
            if oursBytes == bb || oursBytes == theirsBytes { return out.append(theirsBytes) }
            if theirsBytes == bb { return out.append(oursBytes) }
            if let be, let oe, let te, let merged = mergedList(be.value, oe.value, te.value),
                let written = try? o.setting(key, to: merged), let writtenEntry = written.entries.first(where: { $0.key == key })
            {
                return out.append(writtenEntry.source + oe.trailing)
            }
            out.conflict(ours: oursBytes, base: bb ?? [], theirs: theirsBytes)
        }
    }

    /// Lists merged by item, or nil when the values are not three lists.
    private func mergedList(_ b: FrontMatterValue, _ o: FrontMatterValue, _ t: FrontMatterValue) -> FrontMatterValue? {
        guard case let .list(baseItems) = b, case let .list(oursItems) = o, case let .list(theirsItems) = t else { return nil }
        let removedByTheirs = baseItems.filter { !theirsItems.contains($0) }
        var result = oursItems.filter { !removedByTheirs.contains($0) }
        for item in theirsItems where !baseItems.contains(item) && !result.contains(item) { result.append(item) }
        return .list(result)
    }

    private func pick(_ b: [UInt8], _ o: [UInt8], _ t: [UInt8]) -> ArraySlice<UInt8> {
        GapChoice.pick(base: b[...], ours: o[...], theirs: t[...])
    }
}
