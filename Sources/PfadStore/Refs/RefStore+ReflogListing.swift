import Foundation
import PfadObjects

extension RefStore {
    /// The names of every ref that has a reflog (`HEAD`, `refs/heads/main`,
    /// …), sorted by bytes; files under `logs/` that cannot be ref names
    /// (lock files, stray names) are left out. O(files under `logs/`).
    public func reflogNames() -> [[UInt8]] {
        let root = gitDirectory + "/logs"
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var names: [[UInt8]] = []
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let name = Array(relative.utf8)
            if RefName.isStorable(name) { names.append(name) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
