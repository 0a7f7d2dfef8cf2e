import Foundation
import PfadKit
import Testing

/// Clone, push and fetch through the library API, in-process: the service
/// side runs on a thread of the test, no pfad or git process is started.
struct TransferTests {
    private let guide = "---\ntitel: Leitfaden Bürgerbeteiligung\nkommune: Arnsberg\n---\n\n# Bürgerbeteiligung\n\nDie Stadt lädt früh ein.\n"

    /// A bare `katalog.git` filled by pushing from `seed`.
    private func publishedCatalogue(_ fixture: KitFixture) throws -> (seed: Repository, origin: Repository, first: ObjectID) {
        let seed = try fixture.repository("seed")
        let first = try fixture.commit(guide, to: "leitfaeden/beteiligung.md", in: seed, message: "Leitfaden Bürgerbeteiligung")
        let origin = try fixture.repository("katalog.git", bare: true)
        let target = RemoteTarget(url: origin.gitDirectory, location: .local(path: origin.gitDirectory))
        var options = PushOperation.Options(refspecs: [Refspec(pushing: "main")], sourceTexts: ["main"])
        options.quiet = true
        let pushed = try seed.push(to: target, options: options)
        #expect(!(pushed.failed))
        #expect(pushed.updates.map(\.status) == [.ok])
        #expect(try origin.refs.resolve(Array("refs/heads/main".utf8)) == first)
        return (seed, origin, first)
    }

    @Test func cloneChecksOutTheSourceAndRecordsOrigin() throws {
        let fixture = try KitFixture()
        let (_, origin, first) = try publishedCatalogue(fixture)
        let clone = try Clone(source: origin.gitDirectory, directory: fixture.root + "/menden")
        var seen = 0
        let (copy, result) = try clone.run(
            settings: try ConfigStack.load(gitDirectory: nil),
            progress: TransferProgress(receiving: { objects, _, _ in seen = max(seen, objects) }))
        #expect(!(result.empty))
        #expect(result.branch == Array("refs/heads/main".utf8))
        #expect(try copy.resolve("HEAD") == first)
        #expect(try copy.resolve("origin/main") == first)
        #expect(fixture.read("leitfaeden/beteiligung.md", in: copy) == guide)
        #expect(copy.settings.get("remote.origin.url") == origin.gitDirectory)
        #expect(seen == 4, "commit, two trees and the blob arrive in one pack: receiving reports objects")
        #expect(try copy.status().changes.count == 0)
    }

    @Test func cloneRefusesANonEmptyDestinationAndAMissingSource() throws {
        let fixture = try KitFixture()
        let (_, origin, _) = try publishedCatalogue(fixture)
        try fixture.write("x", to: "voll/datei.txt", in: try fixture.repository("unbeteiligt"))
        #expect(throws: RemoteError.destinationExists(fixture.root + "/unbeteiligt")) {
            try Clone(source: origin.gitDirectory, directory: fixture.root + "/unbeteiligt")
        }
        #expect(throws: RemoteError.sourceMissing(fixture.root + "/gibt-es-nicht")) {
            try Clone(source: fixture.root + "/gibt-es-nicht")
        }
    }

    @Test func pushThenFetchCarriesACommitBetweenClones() throws {
        let fixture = try KitFixture()
        let (published, origin, first) = try publishedCatalogue(fixture)
        let seed = try published.addingRemote("origin", url: origin.gitDirectory)
        let settings = try ConfigStack.load(gitDirectory: nil)
        let (olpe, _) = try Clone(source: origin.gitDirectory, directory: fixture.root + "/olpe").run(settings: settings)
        let second = try fixture.commit(
            guide + "\nOlpe ergänzt einen Absatz über Sprechstunden.\n", to: "leitfaeden/beteiligung.md", in: olpe,
            message: "Sprechstunden ergänzt")
        let pushed = try olpe.push(refspecs: ["main"])
        #expect(pushed.updates.first?.old == first)
        #expect(pushed.updates.first?.new == second)
        #expect(try origin.resolve("main") == second)

        let fetched = try seed.fetch()
        #expect(fetched.updates.map(\.new) == [second])
        #expect(try seed.resolve("origin/main") == second)
        guard case .fastForward(let from, let to) = try seed.merge("origin/main", environment: fixture.environment) else {
            Issue.record("expected a fast-forward")
            return
        }
        #expect([from, to] == [first, second])
        #expect(fixture.read("leitfaeden/beteiligung.md", in: seed) == guide + "\nOlpe ergänzt einen Absatz über Sprechstunden.\n")
    }

    @Test func aRejectedPushIsAResultNotAnError() throws {
        let fixture = try KitFixture()
        let (seed, origin, _) = try publishedCatalogue(fixture)
        let settings = try ConfigStack.load(gitDirectory: nil)
        let (soest, _) = try Clone(source: origin.gitDirectory, directory: fixture.root + "/soest").run(settings: settings)
        try fixture.commit(guide + "Soest.\n", to: "leitfaeden/beteiligung.md", in: soest, message: "Soest")
        try fixture.commit(guide + "Seed.\n", to: "leitfaeden/beteiligung.md", in: seed, message: "Seed")
        #expect(!(try soest.push(refspecs: ["main"]).failed))
        let target = RemoteTarget(url: origin.gitDirectory, location: .local(path: origin.gitDirectory))
        let refused = try seed.push(to: target, options: PushOperation.Options(refspecs: [Refspec(pushing: "main")], sourceTexts: ["main"]))
        #expect(refused.failed)
        #expect(refused.updates.map(\.status) == [.rejectedFetchFirst])
    }

    @Test func listRefsAndUnknownRemotes() throws {
        let fixture = try KitFixture()
        let (seed, origin, first) = try publishedCatalogue(fixture)
        let target = RemoteTarget(url: origin.gitDirectory, location: .local(path: origin.gitDirectory))
        let refs = try target.listRefs(settings: seed.settings)
        #expect(refs.filter { $0.name == Array("refs/heads/main".utf8) }.map(\.id) == [first])
        #expect(throws: RemoteError.notARepository(fixture.root + "/nirgendwo")) {
            try seed.fetch(remote: fixture.root + "/nirgendwo")
        }
        #expect(throws: RemoteError.noPushDestination) {
            try RemoteTarget.resolve(nil, settings: seed.settings, push: true)
        }
    }
}

extension Repository {
    /// Adds remote `name` with git's default fetch refspec and returns the
    /// repository reopened with it (settings are read when opening).
    fileprivate func addingRemote(_ name: String, url: String) throws -> Repository {
        var config = self.config
        try config.set("remote.\(name).url", url)
        try config.set("remote.\(name).fetch", "+refs/heads/*:refs/remotes/\(name)/*")
        try ConfigFile.save(config, to: gitDirectory + "/config")
        return try Repository(gitDirectory: gitDirectory, workTree: workTree)
    }
}
