import Foundation
import PfadObjects

/// The identity written into reflog lines. Like git, a missing user
/// identity does not stop a branch switch or reset: the reflog then names
/// the login user at `localhost`.
enum ReflogIdentity {
    /// The committer signature as reflog bytes (`Name <email> time offset`).
    static func committer(_ repository: Repository, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [UInt8] {
        do {
            return try Identity.signature(for: .committer, settings: repository.settings, environment: environment).serialized()
        } catch RepositoryError.missingIdentity {
            let user = environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
            let (time, offset) = try Identity.date(environment["GIT_COMMITTER_DATE"])
            return Signature(name: Array(user.utf8), email: Array("\(user)@localhost".utf8), time: time, offset: Array(offset.utf8))
                .serialized()
        }
    }
}
