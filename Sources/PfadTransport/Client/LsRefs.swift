import PfadObjects

/// The v2 `ls-refs` command (`Documentation/gitprotocol-v2.txt`, "ls-refs").
public enum LsRefs {
    /// The request as git 2.39 writes it: `command=ls-refs`, capabilities,
    /// delimiter, `peel`, `symrefs`, `unborn` (if offered), one
    /// `ref-prefix` per prefix, flush.
    public static func request(prefixes: [String], agent: String?, objectFormat: HashAlgorithm?, unborn: Bool) throws -> [UInt8] {
        let sink = BufferSink()
        let writer = PktLineWriter(sink)
        try writer.line("command=ls-refs")
        if let agent { try writer.line("agent=\(agent)") }
        if let objectFormat { try writer.line("object-format=\(objectFormat.rawValue)") }
        try writer.delimiter()
        try writer.line("peel")
        try writer.line("symrefs")
        if unborn { try writer.line("unborn") }
        for prefix in prefixes { try writer.line("ref-prefix \(prefix)") }
        try writer.flush()
        return sink.bytes
    }

    /// The most refs a client accepts from one listing (a hostile server
    /// cannot make it allocate without bound).
    public static let maximumRefs = 1 << 20

    /// Parses the answer: `<id> <name>[ symref-target:<t>][ peeled:<id>]`
    /// lines (`unborn HEAD symref-target:…` for an unborn HEAD) up to a flush.
    /// - Throws: `TransportError.protocolViolation` past `maximumRefs` refs.
    public static func parse(_ reader: PktLineReader) throws -> [AdvertisedRef] {
        var refs: [AdvertisedRef] = []
        while true {
            guard refs.count < maximumRefs else { throw TransportError.protocolViolation("more than \(maximumRefs) refs") }
            let packet = try reader.next(expecting: "ls-refs output")
            guard case .data = packet, let line = packet.line else { return refs }
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("ERR ") { throw TransportError.remote(String(text.dropFirst(4))) }
            let fields = line.split(separator: 0x20, omittingEmptySubsequences: false)
            guard fields.count >= 2 else { throw TransportError.protocolViolation("bad ls-refs line '\(text)'") }
            var ref = AdvertisedRef(name: Array(fields[1]), id: nil)
            if fields[0].elementsEqual("unborn".utf8) {
                ref.id = nil
            } else if let id = ObjectID(hexBytes: fields[0]) {
                ref.id = id
            } else {
                throw TransportError.protocolViolation("bad ls-refs line '\(text)'")
            }
            for attribute in fields.dropFirst(2) {
                if attribute.starts(with: "symref-target:".utf8) {
                    ref.symrefTarget = Array(attribute.dropFirst(14))
                } else if attribute.starts(with: "peeled:".utf8) {
                    ref.peeled = ObjectID(hexBytes: attribute.dropFirst(7))
                }
            }
            refs.append(ref)
        }
    }
}
