import PfadObjects
import PfadStore

extension FsckOperation {
    /// Checks every pack's trailing checksum, its index's checksum, and each
    /// entry's CRC-32 against the index (git's messages, with absolute paths).
    /// O(total pack size).
    func checkPacks() throws -> [Finding] {
        var findings: [Finding] = []
        for loaded in try repository.objects.packed.damagedPacks() {
            findings.append(Finding(severity: .error, line: "error: packfile \(loaded.basePath).pack does not match index", exitBit: 1))
        }
        for loaded in try repository.objects.packed.packs() {
            let packPath = loaded.basePath + ".pack"
            if !loaded.pack.verifyChecksum() {
                findings.append(Finding(severity: .error, line: "error: \(packPath) pack checksum mismatch", exitBit: 1))
            }
            if !loaded.index.verifyChecksum() {
                findings.append(Finding(severity: .error, line: "error: \(loaded.basePath).idx index checksum mismatch", exitBit: 1))
            }
            if loaded.index.packChecksum != loaded.pack.checksum {
                findings.append(Finding(severity: .error, line: "error: packfile \(packPath) does not match index", exitBit: 1))
                continue
            }
            guard loaded.index.version == 2 else { continue }
            // Entry ends: the next entry's start, or the trailer.
            var offsets: [(offset: Int, entry: Int)] = []
            for i in 0..<loaded.index.count { offsets.append((try loaded.index.offset(at: i), i)) }
            offsets.sort { $0.offset < $1.offset }
            for (position, item) in offsets.enumerated() {
                let end = position + 1 < offsets.count ? offsets[position + 1].offset : loaded.pack.dataEnd
                guard item.offset >= 12, item.offset < end, end <= loaded.pack.dataEnd else {
                    findings.append(Finding(severity: .error, line: "error: bad offset \(item.offset) in \(loaded.basePath).idx", exitBit: 1))
                    continue
                }
                let crc = CRC32.checksum(UnsafeRawBufferPointer(rebasing: loaded.pack.file.bytes[item.offset..<end]))
                if crc != loaded.index.crc32(at: item.entry) {
                    let id = loaded.index.id(at: item.entry)
                    findings.append(Finding(
                        severity: .error,
                        line: "error: index CRC mismatch for object \(id.hex) from \(packPath) at offset \(item.offset)",
                        exitBit: 1))
                }
            }
        }
        return findings
    }
}
