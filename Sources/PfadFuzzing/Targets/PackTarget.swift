import PfadObjects
import PfadStore

/// A whole pack as a push or fetch delivers it: indexed the way
/// `index-pack` does (every entry header, zlib stream and delta), then,
/// when that succeeds, stored with its new `.idx` and every object read
/// back through the packed object database, which must give content that
/// hashes to the id the indexer computed.
enum PackTarget {
    /// What a thin pack's missing bases resolve to.
    private static let externalBlob = RawObject(type: .blob, content: Array("Grüß Gott\n".utf8))

    static func run(_ input: [UInt8]) -> FuzzOutcome {
        let bytes = TrailerFix.apply(input)
        let indexer = PackIndexer(algorithm: .sha1, path: "<fuzz>")
        let indexed: IndexedPack
        do {
            indexed = try bytes.withUnsafeBytes { try indexer.index($0) }
        } catch {
            _ = try? bytes.withUnsafeBytes { raw in
                try indexer.index(raw, fixThin: true, externalBase: { _ in externalBlob })
            }
            return .rejected
        }
        return readBack(bytes, indexed)
    }

    private static func readBack(_ bytes: [UInt8], _ indexed: IndexedPack) -> FuzzOutcome {
        guard let index = try? PackIndexWriter.write(
            entries: indexed.indexEntries, packChecksum: indexed.checksum, algorithm: .sha1)
        else { return .violation("the index of an indexed pack could not be written") }
        let name = "packs/pack/pack-" + indexed.checksum.hex
        guard ScratchDirectory.write(bytes, to: name + ".pack") != nil,
              ScratchDirectory.write(index, to: name + ".idx") != nil,
              let root = ScratchDirectory.path
        else { return .rejected }
        defer {
            ScratchDirectory.remove(name + ".pack")
            ScratchDirectory.remove(name + ".idx")
        }
        let database = PackedObjectDatabase(objectsDirectory: root + "/packs", algorithm: .sha1)
        for object in indexed.objects {
            do {
                guard let raw = try database.read(object.id, refreshing: false) else {
                    return .violation("object \(object.id.hex) indexed but not found")
                }
                guard raw.type == object.type,
                      HashAlgorithm.sha1.objectID(type: raw.type, content: raw.content) == object.id
                else { return .violation("object \(object.id.hex) reads back with other content") }
            } catch {
                return .violation("object \(object.id.hex) indexed but unreadable: \(error)")
            }
        }
        return .accepted
    }
}
