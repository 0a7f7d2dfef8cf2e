import PfadObjects
import PfadStore

extension ReceivePack {
    /// Why a group of ref updates failed: the `ng` reason for the ref named
    /// and the one-line detail sent as `error: …`.
    struct RefUpdateFailure: Error {
        var name: [UInt8]
        var reason: String
        var detail: String
    }

    /// Applies `commands` as one ref transaction (one command for git's
    /// non-atomic pushes, all of them for `--atomic`): each ref must still
    /// hold the command's old id (or not exist for a creation); nothing
    /// changes if one fails. Reflog lines (`push`) only with a `committer`.
    /// - Throws: `RefUpdateFailure` naming the ref that failed; reasons as
    ///   before: `failed to lock`, `stale info`, `failed to update ref`.
    func applyRefUpdates(_ commands: [ReceiveCommand], refs: RefStore, committer: [UInt8]?) throws {
        var transaction = refs.transaction()
        for command in commands {
            let expected: RefExpectation = command.old.isNull ? .absent : .value(command.old)
            if command.isDelete {
                transaction.delete(command.name, expected: expected)
            } else {
                let reflog = committer.map {
                    ReflogEntry(old: refs.algorithm.nullID, new: command.new, committer: $0, message: Array("push".utf8))
                }
                transaction.update(command.name, to: command.new, expected: expected, reflog: reflog)
            }
        }
        do {
            try transaction.commit()
        } catch StoreError.refTransactionFailed(let name, let stage, let cause) {
            throw Self.failure(name: name, stage: stage, cause: cause)
        }
    }

    /// The `ng` reason and detail git's receive-pack gives for a failed stage.
    static func failure(name: [UInt8], stage: RefTransactionStage, cause: StoreError) -> RefUpdateFailure {
        let shown = String(decoding: name, as: UTF8.self)
        switch (stage, cause) {
        case (.verify, .refChanged(_, let expected, let actual)):
            let wanted: String
            switch expected {
            case .value(let id): wanted = id.hex
            case .absent, .any: wanted = "nothing"
            }
            return RefUpdateFailure(
                name: name, reason: "stale info",
                detail: "cannot lock ref '\(shown)': is at \(actual?.hex ?? "nothing") but expected \(wanted)")
        case (.lockPackedRefs, _):
            return RefUpdateFailure(name: name, reason: "failed to lock", detail: "cannot lock packed-refs: \(cause)")
        case (.lock, _):
            return RefUpdateFailure(
                name: name, reason: "failed to lock",
                detail: StoreError.refTransactionFailed(name: name, stage: stage, cause: cause).description)
        case (.verify, _), (.write, _):
            return RefUpdateFailure(name: name, reason: "failed to update ref", detail: "\(cause)")
        }
    }
}
