import PfadObjects

extension UploadPack {
    /// Capabilities of the v0/v1 ref advertisement
    /// (`Documentation/gitprotocol-capabilities.txt`), without the
    /// per-repository `symref=`, `object-format=` and `agent=`.
    static let v0Capabilities = [
        "multi_ack_detailed", "thin-pack", "side-band", "side-band-64k", "ofs-delta", "no-progress", "include-tag",
    ]

    /// The v2 capability advertisement (`gitprotocol-v2.txt`,
    /// "Capability Advertisement").
    func advertiseCapabilities(_ writer: PktLineWriter) throws {
        try writer.line("version 2")
        try writer.line("agent=\(agent)")
        try writer.line("ls-refs=unborn")
        try writer.line("fetch=wait-for-done")
        try writer.line("server-option")
        try writer.line("object-format=\(objectFormat)")
        try writer.flush()
    }

    /// The v0/v1 ref advertisement: `version 1` first for v1, then `HEAD`
    /// (if it resolves) and every ref, each annotated tag followed by its
    /// peeled `^{}` line; the capabilities ride on the first line after a
    /// NUL. A repository without refs advertises nothing but the flush,
    /// as git 2.39's `upload-pack` does.
    func advertiseRefs(_ writer: PktLineWriter, refs: AdvertisedRefs) throws {
        if version == .v1 { try writer.line("version 1") }
        var capabilities = Self.v0Capabilities
        if stateless { capabilities.append("no-done") }
        if let head = refs.headTarget, refs.head != nil {
            capabilities.append("symref=HEAD:" + String(decoding: head, as: UTF8.self))
        }
        capabilities += ["object-format=\(objectFormat)", "agent=\(agent)"]
        var lines: [(id: ObjectID, name: [UInt8])] = []
        if let head = refs.head { lines.append((head, Array("HEAD".utf8))) }
        for ref in refs.refs {
            lines.append((ref.id, ref.name))
            if let peeled = ref.peeled { lines.append((peeled, ref.name + Array("^{}".utf8))) }
        }
        for (index, line) in lines.enumerated() {
            var payload = line.id.hexBytes + [0x20] + line.name
            if index == 0 { payload += [0] + Array(capabilities.joined(separator: " ").utf8) }
            try writer.data(payload + [0x0A])
        }
        try writer.flush()
    }

    /// The v2 `ls-refs` command: refs matching any `ref-prefix` (all if
    /// none), with `symref-target:` (if `symrefs`) and `peeled:` (if
    /// `peel`) attributes; an unborn `HEAD` only when asked (`unborn`).
    func listRefs(arguments: [String], writer: PktLineWriter) throws {
        var symrefs = false
        var peel = false
        var unborn = false
        var prefixes: [[UInt8]] = []
        for argument in arguments {
            switch argument {
            case "symrefs": symrefs = true
            case "peel": peel = true
            case "unborn": unborn = true
            default:
                guard argument.hasPrefix("ref-prefix ") else { throw TransportError.unexpectedLine(argument) }
                prefixes.append(Array(argument.utf8.dropFirst(11)))
            }
        }
        func wanted(_ name: [UInt8]) -> Bool { prefixes.isEmpty || prefixes.contains { name.starts(with: $0) } }
        let refs = try AdvertisedRefs(repository: repository, hidden: hiddenRefs)
        let head = Array("HEAD".utf8)
        if wanted(head) {
            if let id = refs.head {
                var line = id.hexBytes + [0x20] + head
                if symrefs, let target = refs.headTarget { line += Array(" symref-target:".utf8) + target }
                try writer.data(line + [0x0A])
            } else if unborn, let target = refs.headTarget {
                try writer.data(Array("unborn HEAD symref-target:".utf8) + target + [0x0A])
            }
        }
        for ref in refs.refs where wanted(ref.name) {
            var line = ref.id.hexBytes + [0x20] + ref.name
            if symrefs, let target = ref.symrefTarget { line += Array(" symref-target:".utf8) + target }
            if peel, let peeled = ref.peeled { line += Array(" peeled:".utf8) + peeled.hexBytes }
            try writer.data(line + [0x0A])
        }
        try writer.flush()
    }
}
