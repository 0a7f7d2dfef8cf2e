import PfadObjects

extension LooseObjectDatabase {
    /// Reads, inflates and verifies the object `id`; nil if there is no file.
    ///
    /// Checks the header (known type, size equal to the content length), that
    /// the zlib stream ends exactly at the end of the file, and that the
    /// content hashes to `id` (`StoreError.hashMismatch` otherwise). Never
    /// allocates more than the declared size (bounded by the file size × the
    /// maximum zlib ratio). O(size).
    public func read(_ id: ObjectID) throws -> RawObject? {
        let path = path(for: id)
        guard let compressed = try POSIX.readFile(path) else { return nil }
        let object = try inflaters.with { try decode(compressed, path: path, inflater: $0) }
        let actual = algorithm.objectID(type: object.type, content: object.content)
        guard actual == id else { throw StoreError.hashMismatch(expected: id, actual: actual, path: path) }
        return object
    }

    /// Type and size of `id` from the first bytes of its file only; nil if absent.
    /// Reads at most 512 bytes unless the header needs more. O(1).
    public func readHeader(_ id: ObjectID) throws -> (type: ObjectType, size: Int)? {
        let path = path(for: id)
        guard let start = try POSIX.readPrefix(path, limit: 512) else { return nil }
        return try inflaters.with { inflater in
            do {
                let header = try Self.decodeHeader(start, path: path, inflater: inflater)
                return (header.type, header.size)
            } catch StoreError.corruptObject where start.count == 512 {
                guard let whole = try POSIX.readFile(path) else { return nil }
                let header = try Self.decodeHeader(whole, path: path, inflater: inflater)
                return (header.type, header.size)
            }
        }
    }

    /// Inflates a whole loose-object file into a `RawObject` (no hash check).
    func decode(_ compressed: [UInt8], path: String, inflater: Inflater) throws -> RawObject {
        let header = try Self.decodeHeader(compressed, path: path, inflater: inflater)
        // zlib expands at most ~1032:1, so a larger declared size is a lie.
        guard header.size <= compressed.count &* 1100 &+ 1024 else {
            throw StoreError.corruptObject(path: path, detail: "declared size \(header.size) is impossible for \(compressed.count) compressed bytes")
        }
        var consumed = header.consumed
        let content = try [UInt8](unsafeUninitializedCapacity: header.size + 1) { buffer, count in
            let out = UnsafeMutableRawBufferPointer(buffer)
            let copied = min(header.prefix.count, out.count)
            header.prefix.withUnsafeBytes { src in
                if copied > 0, let destination = out.baseAddress, let source = src.baseAddress {
                    destination.copyMemory(from: source, byteCount: copied)
                }
            }
            var produced = copied
            while !inflater.isFinished {
                let (usedIn, usedOut) = try compressed.withUnsafeBytes { raw in
                    try inflater.step(
                        input: UnsafeRawBufferPointer(rebasing: raw[consumed...]),
                        output: UnsafeMutableRawBufferPointer(rebasing: out[produced...]),
                        context: path)
                }
                consumed += usedIn
                produced += usedOut
                if produced > header.size {
                    count = 0
                    throw StoreError.corruptObject(path: path, detail: "content longer than the declared \(header.size) bytes")
                }
                if usedIn == 0 && usedOut == 0 && !inflater.isFinished {
                    count = 0
                    throw StoreError.corruptZlib(context: path, detail: "truncated stream after \(consumed) bytes")
                }
            }
            count = produced
        }
        guard content.count == header.size else {
            throw StoreError.corruptObject(path: path, detail: "content has \(content.count) bytes, header says \(header.size)")
        }
        guard consumed == compressed.count else {
            throw StoreError.corruptObject(path: path, detail: "garbage at end of loose object")
        }
        return RawObject(type: header.type, content: content)
    }

    /// Inflates just enough of `compressed` (from a reset stream) to parse the
    /// header; returns it with the content bytes already produced and the
    /// input consumed so far.
    static func decodeHeader(_ compressed: [UInt8], path: String, inflater: Inflater) throws
        -> (type: ObjectType, size: Int, prefix: [UInt8], consumed: Int)
    {
        inflater.reset()
        var head = [UInt8](repeating: 0, count: 64)
        let (consumed, produced) = try compressed.withUnsafeBytes { raw in
            try head.withUnsafeMutableBytes { out in
                try inflater.step(input: raw, output: out, context: path)
            }
        }
        let window = head[..<produced]
        guard let nul = window.firstIndex(of: 0) else {
            if produced == 64 || inflater.isFinished {
                throw StoreError.corruptObject(path: path, detail: "unable to parse header")
            }
            throw StoreError.corruptObject(path: path, detail: "truncated header")
        }
        guard let header = ObjectHeader.decode(window[...nul]) else {
            throw StoreError.corruptObject(path: path, detail: "unable to parse header '\(String(decoding: window[..<nul], as: UTF8.self))'")
        }
        return (header.type, header.size, Array(window[(nul + 1)...]), consumed)
    }
}
