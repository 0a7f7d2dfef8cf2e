import Foundation
import PfadObjects
import PfadRepository
import PfadStore

extension ReceivePack {
    /// Runs one push from the command list on: receive and check the pack,
    /// check every command, move the pack in, update the refs, report.
    /// - Throws: transport errors that end the conversation (the client
    ///   went away, broke the protocol); refusals are reported, not thrown.
    func receive(from reader: PktLineReader, into sink: ByteSink) throws {
        let algorithm = repository.algorithm
        guard let request = try ReceiveRequest.read(from: reader, algorithm: algorithm) else { return }
        let reporter = ReceiveReporter(sink: sink, request: request, diagnostics: diagnostics)
        let atomic = request.has("atomic") || policy.alwaysAtomic
        var statuses = [ReceiveStatus?](repeating: nil, count: request.commands.count)
        var unpackError: String?
        var quarantine: PackQuarantine?
        var incoming: IncomingObjects?
        var packBytes = 0
        defer { quarantine?.discard() }

        if request.expectsPack {
            do {
                let fresh = try PackQuarantine(objectsDirectory: repository.objects.objectsDirectory, algorithm: algorithm)
                quarantine = fresh
                let objects = repository.objects
                let pack = try fresh.receive(
                    from: reader, maximumBytes: policy.maximumPackBytes, maximumObjects: policy.maximumObjects,
                    externalBase: { try objects.read($0) })
                packBytes = fresh.receivedBytes
                incoming = try IncomingObjects(
                    pack: pack, store: fresh.store, existing: objects, algorithm: algorithm, checkObjects: policy.checkObjects,
                    maximumTreeDepth: repository.maximumTreeDepth)
            } catch let error as TransportError {
                switch error {
                case .packTooLarge, .tooManyObjects, .corruptPack, .objectRejected:
                    unpackError = error.description
                    reporter.message("error: \(error.description)")
                default:
                    throw error
                }
            }
        }

        if unpackError != nil {
            for index in statuses.indices { statuses[index] = .rejected("unpacker error") }
        } else {
            let store = quarantine?.store
            let checker = CommandChecker(
                repository: repository, policy: policy, incoming: incoming,
                read: { id in try store?.read(id) ?? self.repository.objects.read(id) })
            for (index, command) in request.commands.enumerated() {
                if let refusal = checker.refusal(for: command, in: request.commands) {
                    statuses[index] = .rejected(refusal.reason)
                    if let detail = refusal.detail { reporter.message("error: \(detail)") }
                }
            }
            if atomic, statuses.contains(where: { $0 != nil }) {
                for index in statuses.indices where statuses[index] == nil { statuses[index] = .rejected("atomic push failure") }
            }
        }

        let accepted = statuses.indices.filter { statuses[$0] == nil }
        if !accepted.isEmpty {
            do {
                try quarantine?.migrate()
                quarantine = nil
            } catch {
                reporter.message("error: cannot move the received pack into place: \(error)")
                unpackError = "cannot move the received pack into place"
                for index in accepted { statuses[index] = .rejected("unpacker error") }
            }
        }
        let toApply = statuses.indices.filter { statuses[$0] == nil }
        if !toApply.isEmpty {
            let refs = reflogRefs()
            let committer = reflogCommitter()
            let groups: [[Int]] = atomic ? [toApply] : toApply.map { [$0] }
            for group in groups {
                do {
                    try applyRefUpdates(group.map { request.commands[$0] }, refs: refs, committer: committer)
                    for index in group { statuses[index] = .ok }
                } catch let failure as RefUpdateFailure {
                    reporter.message("error: \(failure.detail)")
                    for index in group {
                        statuses[index] = .rejected(request.commands[index].name == failure.name ? failure.reason : "atomic push failure")
                    }
                }
            }
        }

        let results = zip(request.commands, statuses).map { ($0, $1 ?? .rejected("not processed")) }
        log?(ReceiveOutcome(
            results: results, objectCount: incoming?.ids.count ?? 0, packBytes: packBytes,
            unpackError: unpackError, atomic: atomic))
        try reporter.report(unpackError: unpackError, results: results)
    }

    /// The ref store with git's reflog rule for pushes: reflogs only where
    /// `core.logAllRefUpdates` asks (default: on in non-bare repositories).
    private func reflogRefs() -> RefStore {
        let setting = repository.settings.get("core.logallrefupdates")?.lowercased()
        let policy: ReflogPolicy
        switch setting {
        case "always": policy = .always
        case "true", "yes", "on", "1": policy = .normal
        case nil: policy = repository.isBare ? .existingOnly : .normal
        default: policy = .existingOnly
        }
        return RefStore(gitDirectory: repository.gitDirectory, algorithm: repository.algorithm, reflogPolicy: policy)
    }

    /// `pusher` (or the committer identity) with the current time.
    private func reflogCommitter() -> [UInt8]? {
        let environment = ProcessInfo.processInfo.environment
        guard let (time, offset) = try? Identity.date(environment["GIT_COMMITTER_DATE"]) else { return nil }
        let stamp = Array(" \(time) \(offset)".utf8)
        if let pusher { return pusher + stamp }
        return try? Identity.signature(for: .committer, settings: repository.settings, environment: environment).serialized()
    }
}
