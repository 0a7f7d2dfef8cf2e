import PfadObjects
import PfadRepository
import PfadStore

/// Decides, before anything moves, whether one push command may be
/// carried out. Checks in this order: ref name (`refs/…`, valid), the
/// policy's permission, the expected old value, the checked-out branch
/// of a non-bare repository, deletes, the new object (present; a commit
/// for `refs/heads/*`), connectivity, fast-forward.
struct CommandChecker {
    let repository: Repository
    let policy: ReceivePolicy
    let incoming: IncomingObjects?
    /// Reads an object from the quarantine or the repository.
    let read: (ObjectID) throws -> RawObject?

    /// Why a command is refused: the `ng` reason and a message for the user.
    struct Refusal: Equatable {
        var reason: String
        var detail: String?
    }

    /// The refusal for `command`, or nil if it may go ahead.
    func refusal(for command: ReceiveCommand, in all: [ReceiveCommand]) -> Refusal? {
        let name = command.name
        let shown = command.displayName
        guard name.starts(with: Array("refs/".utf8)), RefName.isValid(name) else {
            return Refusal(reason: "funny refname", detail: "refusing to create funny ref '\(shown)' remotely")
        }
        guard policy.mayUpdate(name) else {
            return Refusal(reason: "permission denied", detail: "you are not allowed to update \(shown)")
        }
        guard all.filter({ $0.name == name }).count == 1 else {
            return Refusal(reason: "duplicate ref", detail: "\(shown) appears more than once in the push")
        }
        let current: ObjectID?
        do {
            current = try repository.refs.resolve(name)
        } catch {
            return Refusal(reason: "failed to lock", detail: "cannot read ref '\(shown)': \(error)")
        }
        let expected = command.old.isNull ? nil : command.old
        guard current == expected else {
            return Refusal(
                reason: "stale info",
                detail: "cannot lock ref '\(shown)': is at \(current?.hex ?? "nothing") but expected \(expected?.hex ?? "nothing")")
        }
        if !repository.isBare, let head = try? repository.refs.read(Array("HEAD".utf8)), head == .symbolic(name) {
            if command.isDelete {
                return Refusal(reason: "deletion of the current branch prohibited", detail: "refusing to delete the current branch: \(shown)")
            }
            return Refusal(reason: "branch is currently checked out", detail: "refusing to update checked out branch: \(shown)")
        }
        if command.isDelete {
            guard policy.allowDeletes else {
                return Refusal(reason: "deletion prohibited", detail: "denying ref deletion for \(shown)")
            }
            return nil
        }
        let type = incoming?.type(of: command.new) ?? (try? repository.objects.readHeader(command.new))?.type
        guard let type else {
            return Refusal(reason: "bad pack", detail: "unpack should have generated \(command.new.hex), but I can't find it!")
        }
        if name.starts(with: Array("refs/heads/".utf8)), type != .commit {
            return Refusal(reason: "non-commit object", detail: "refusing to point branch \(shown) at \(type) \(command.new.hex)")
        }
        if let missing = incoming?.missingObject(from: command.new) {
            return Refusal(reason: "missing necessary objects", detail: "object \(missing.hex) is missing; \(shown) needs it")
        }
        if !policy.allowNonFastForward, let old = expected, name.starts(with: Array("refs/heads/".utf8)) {
            let fastForward = (try? isAncestor(old, of: command.new)) ?? false
            guard fastForward else {
                return Refusal(reason: "non-fast-forward", detail: "denying non-fast-forward \(shown) (you should pull first)")
            }
        }
        return nil
    }

    /// Whether `ancestor` is `descendant` or one of its ancestors (both
    /// must be commits). Breadth-first over parents; O(commits visited).
    func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws -> Bool {
        var seen: Set<ObjectID> = [descendant]
        var queue = [descendant]
        var next = 0
        while next < queue.count {
            let id = queue[next]
            next += 1
            if id == ancestor { return true }
            guard let raw = try read(id), raw.type == .commit else { return false }
            for parent in try Commit.parse(raw.content, algorithm: repository.algorithm).parents where seen.insert(parent).inserted {
                queue.append(parent)
            }
        }
        return false
    }
}
