import Foundation
import PfadObjects

extension RevisionParser {
    /// Resolves the reflog forms `REF@{N}`, `@{N}` and `@{-N}`
    /// (`Documentation/revisions.txt`).
    /// - Returns: nil when `base` is not in a reflog form; `.some(nil)` when
    ///   it is but names nothing.
    func resolveReflogSelector(_ base: String) throws -> ObjectID?? {
        guard base.hasSuffix("}"), let open = base.range(of: "@{", options: .backwards) else { return nil }
        let ref = String(base[..<open.lowerBound])
        let selector = String(base[open.upperBound..<base.index(before: base.endIndex)])
        guard let n = Int(selector) else { return nil }
        if n < 0 {
            guard ref.isEmpty, let branch = try ReflogReader.previousBranch(-n, repository: repository) else { return .some(nil) }
            return .some(try resolve(branch))
        }
        guard let refName = try ReflogReader.refForSelector(ref, repository: repository) else { return .some(nil) }
        return .some(try ReflogReader.entry(refName, n, repository: repository))
    }
}
