import PfadObjects

extension RefStore {
    /// Refs whose names start with `prefix`, loose and packed merged (loose
    /// wins), symrefs resolved, sorted bytewise as `git show-ref` and
    /// `git for-each-ref` list them. Broken or dangling refs are skipped.
    /// O(number of refs) file reads.
    public func all(prefix: [UInt8] = Array("refs/".utf8)) throws -> [(name: [UInt8], id: ObjectID)] {
        try entries(prefix: prefix).map { ($0.name, $0.id) }
    }

    /// Like `all(prefix:)`, with peeled ids from `packed-refs` where recorded.
    public func entries(prefix: [UInt8] = Array("refs/".utf8)) throws -> [RefEntry] {
        var byName: [[UInt8]: RefEntry] = [:]
        if let packed = try readPacked() {
            for entry in packed.entries where entry.name.starts(with: prefix) {
                byName[entry.name] = RefEntry(name: entry.name, id: entry.id, peeled: entry.peeled)
            }
        }
        // Walk the deepest directory that contains every name with this prefix.
        var directory = prefix
        while let last = directory.last, last != 0x2F { directory.removeLast() }
        if directory.last == 0x2F { directory.removeLast() }
        if directory.isEmpty { directory = Array("refs".utf8) }  // prefix "" or "re…": loose refs live under refs/
        var names: [[UInt8]] = []
        try collectLoose(directory, into: &names)
        for name in names where name.starts(with: prefix) {
            let value: RefValue?
            do { value = try readLoose(name) } catch { continue }
            switch value {
            case nil:
                continue
            case .direct(let id):
                byName[name] = RefEntry(name: name, id: id)
            case .symbolic:
                if let id = try? resolve(name) { byName[name] = RefEntry(name: name, id: id) } else { byName[name] = nil }
            }
        }
        return byName.values.sorted { $0.name.lexicographicallyPrecedes($1.name) }
    }

    /// Appends the names of loose ref files below `directory` (a ref-name prefix).
    func collectLoose(_ directory: [UInt8], into names: inout [[UInt8]]) throws {
        guard let listing = try POSIX.listDirectory(path(of: directory)) else { return }
        for entry in listing {
            let name = directory + [0x2F] + entry.name
            let isDirectory = entry.isDirectory ?? POSIX.isDirectory(path(of: name))
            if isDirectory {
                try collectLoose(name, into: &names)
            } else if RefName.isValid(name, allowOneLevel: true) {
                names.append(name)
            }
        }
    }
}
