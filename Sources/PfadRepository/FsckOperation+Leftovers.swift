import Foundation

extension FsckOperation {
    /// Lock and temporary files in the git folder that are older than this
    /// check, that is, left by a process that crashed or was killed: `*.lock`
    /// (index, HEAD, config, refs, packed-refs), `tmp_obj_*`, `tmp_pack_*`,
    /// `tmp_idx_*` and `.tmp-*` files and `objects/incoming-*` quarantine
    /// folders. Reported as warnings (they fail nothing), with what to do.
    /// git's fsck does not report them. O(files in the git folder).
    func leftoverFindings(olderThan start: Date) -> [Finding] {
        let root = repository.gitDirectory
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var findings: [Finding] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let kind: String
            if name.hasSuffix(".lock") {
                kind = "lock file"
            } else if name.hasPrefix("tmp_obj_") || name.hasPrefix("tmp_pack_") || name.hasPrefix("tmp_idx_") || name.hasPrefix(".tmp-") {
                kind = "temporary file"
            } else if relative.hasPrefix("objects/incoming-") && !relative.dropFirst("objects/".count).contains("/") {
                kind = "push quarantine"
                walker.skipDescendants()
            } else {
                continue
            }
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + relative),
                  let modified = attributes[.modificationDate] as? Date, modified < start
            else { continue }
            findings.append(Finding(
                severity: .warning,
                line: "warning: stale \(kind) '\(relative)' from \(Self.timestamp(modified)): remove it if no other pfad or git process is running",
                exitBit: 0))
        }
        return findings.sorted { $0.line < $1.line }
    }

    /// `2026-12-07 22:04:59 UTC`.
    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }
}
