import PfadObjects
import PfadStore

/// Loose object files: the input is the whole (compressed) file, stored
/// under a fixed id in a scratch object database and read back with
/// `readHeader` and `read` (which also checks the hash, so nearly every
/// input ends as a hash mismatch after the header and content were parsed).
enum LooseObjectTarget {
    private static let id = ObjectID(uncheckedBytes: [UInt8](repeating: 0xAB, count: HashAlgorithm.sha1.digestLength))

    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        guard let root = ScratchDirectory.path else { return .rejected }
        let database = LooseObjectDatabase(objectsDirectory: root + "/loose", algorithm: .sha1, syncObjects: false)
        let relative = "loose" + String(database.path(for: id).dropFirst(root.count + "/loose".count))
        guard ScratchDirectory.write(bytes, to: relative) != nil else { return .rejected }
        defer { ScratchDirectory.remove(relative) }
        let header = try? database.readHeader(id)
        do {
            guard try database.read(id) != nil else { return .rejected }
            return .violation("an object stored under a made-up id passed the hash check")
        } catch StoreError.hashMismatch(_, let actual, _) {
            // The content parsed: it must agree with the header read alone.
            guard let header else { return .violation("read succeeded where readHeader failed") }
            _ = actual
            return header.size >= 0 ? .accepted : .violation("negative size \(header.size)")
        } catch {
            return .rejected
        }
    }
}
