import Foundation
import PfadObjects

/// The object names listed in a version-2 pack index, read only to decide
/// whether an old pack is redundant (`Documentation/gitformat-pack.txt`:
/// magic, version, 256 fan-out counts, then the sorted names).
enum PackIndexIDs {
    /// The ids in the `.idx` at `path`, or nil when it is missing, not
    /// version 2, or shorter than its fan-out table claims (then the pack is
    /// kept). O(n).
    static func read(path: String, algorithm: HashAlgorithm) -> [ObjectID]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        let header = 8 + 256 * 4
        guard bytes.count >= header, bytes[0..<8].elementsEqual([0xFF, 0x74, 0x4F, 0x63, 0, 0, 0, 2]) else { return nil }
        let countOffset = 8 + 255 * 4
        let count = bytes[countOffset..<(countOffset + 4)].reduce(0) { $0 << 8 | Int($1) }
        let length = algorithm.digestLength
        guard count <= (bytes.count - header) / length else { return nil }
        return (0..<count).map { i in
            let start = header + i * length
            return ObjectID(uncheckedBytes: Array(bytes[start..<(start + length)]))
        }
    }
}
