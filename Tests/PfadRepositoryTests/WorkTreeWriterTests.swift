import Foundation
import PfadObjects
import Testing
@testable import PfadRepository

/// The one gate every work-tree write passes (`WorkTreeWriter` applying
/// `CheckoutPath`), directly and through each operation that writes the
/// work tree, with trees crafted byte by byte (`..`, `.git`, a symbolic
/// link named `.gitmodules`). Nothing may appear outside the work tree.
@Suite struct WorkTreeWriterTests {
    /// A folder next to the work tree that hostile paths aim at.
    struct Scene {
        let test: TestRepository
        let outside: String
        let escapeName: String

        init() throws {
            test = try TestRepository()
            escapeName = "pfad-escaped-\(UUID().uuidString).txt"
            outside = (test.root as NSString).deletingLastPathComponent + "/" + escapeName
            try test.write("README.md", "# Leitfäden\n")
            try test.addAll()
            try test.commit("Anfang")
        }

        /// Nothing landed outside the work tree or inside `.git`.
        func expectNoEscape(sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(!FileManager.default.fileExists(atPath: outside), sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: test.root + "/.git/hooks/post-checkout"), sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: test.root + "/.gitmodules"), sourceLocation: sourceLocation)
        }

        func blob(_ text: String) throws -> ObjectID {
            try test.repository.objects.write(type: .blob, content: Array(text.utf8))
        }

        /// A tree object written exactly as given (no sorting, no checks).
        func tree(_ entries: [(mode: String, name: [UInt8], id: ObjectID)]) throws -> ObjectID {
            var body: [UInt8] = []
            for entry in entries {
                body += Array(entry.mode.utf8) + [0x20] + entry.name + [0] + entry.id.bytes
            }
            return try test.repository.objects.write(type: .tree, content: body)
        }

        /// A commit on top of HEAD whose tree is README.md plus one hostile entry.
        func hostileCommit(_ kind: Hostile) throws -> ObjectID {
            let readme = (mode: "100644", name: Array("README.md".utf8), id: try blob("# Leitfäden\n"))
            let marker = try blob("PFAD-ESCAPE-MARKER\n")
            var entries = [readme]
            switch kind {
            case .dotDot:
                let inner = try tree([(mode: "100644", name: Array(escapeName.utf8), id: marker)])
                entries.insert((mode: "40000", name: Array("..".utf8), id: inner), at: 0)
            case .dotGit:
                let hooks = try tree([(mode: "100755", name: Array("post-checkout".utf8), id: marker)])
                let git = try tree([(mode: "40000", name: Array("hooks".utf8), id: hooks)])
                entries.insert((mode: "40000", name: Array(".GIT".utf8), id: git), at: 0)
            case .gitmodulesSymlink:
                let target = try blob("../" + escapeName)
                entries.insert((mode: "120000", name: Array(".gitmodules".utf8), id: target), at: 0)
            }
            let head = try HeadInfo.read(test.repository).commit
            return try MergeOperation(test.repository).makeCommit(
                tree: try tree(entries), parents: head.map { [$0] } ?? [], message: Array("Feindlich\n".utf8),
                environment: TestRepository.environment)
        }
    }

    enum Hostile: CaseIterable, Sendable {
        case dotDot, dotGit, gitmodulesSymlink
    }

    @Test func writerRefusesHostilePathsItself() throws {
        let scene = try Scene()
        let writer = WorkTreeWriter(root: scene.test.root)
        var known = Set<[UInt8]>()
        for path in ["../\(scene.escapeName)", ".git/hooks/post-checkout", ".Git/hooks/post-checkout", "git~1/x", "a/../../\(scene.escapeName)"] {
            #expect(throws: RepositoryError.self, "\(path)") { try writer.prepareParents(of: Array(path.utf8), known: &known) }
            #expect(throws: RepositoryError.self, "\(path)") {
                try writer.write(Array(path.utf8), mode: .regular, content: Array("PFAD-ESCAPE-MARKER\n".utf8), token: 0)
            }
            #expect(throws: RepositoryError.self, "\(path)") { try writer.remove(Array(path.utf8)) }
        }
        #expect(throws: RepositoryError.self) {
            try writer.write(Array(".gitmodules".utf8), mode: .symlink, content: Array("../x".utf8), token: 0)
        }
        scene.expectNoEscape()
        // An ordinary `.gitmodules` file is fine.
        _ = try writer.write(Array(".gitmodules".utf8), mode: .regular, content: [], token: 0)
        #expect(FileManager.default.fileExists(atPath: scene.test.root + "/.gitmodules"))
    }

    @Test(arguments: Hostile.allCases)
    func checkoutRefuses(_ kind: Hostile) throws {
        let scene = try Scene()
        let commit = try scene.hostileCommit(kind)
        let tree = try scene.test.repository.readCommit(commit).tree
        #expect(throws: RepositoryError.self) {
            _ = try CheckoutOperation(scene.test.repository).run(from: .index, to: tree)
        }
        scene.expectNoEscape()
    }

    @Test(arguments: Hostile.allCases)
    func hardResetRefuses(_ kind: Hostile) throws {
        let scene = try Scene()
        let commit = try scene.hostileCommit(kind)
        #expect(throws: RepositoryError.self) {
            _ = try ResetOperation(scene.test.repository).run(to: commit, mode: .hard, revision: "feindlich")
        }
        scene.expectNoEscape()
    }

    @Test(arguments: Hostile.allCases)
    func restoreRefuses(_ kind: Hostile) throws {
        let scene = try Scene()
        let commit = try scene.hostileCommit(kind)
        var options = CheckoutOperation.PathOptions()
        options.source = commit
        options.staged = true
        #expect(throws: RepositoryError.self) {
            _ = try CheckoutOperation(scene.test.repository).restore(Pathspec.all, options: options)
        }
        scene.expectNoEscape()
    }

    @Test(arguments: Hostile.allCases)
    func mergeRefuses(_ kind: Hostile) throws {
        let scene = try Scene()
        let theirs = try scene.hostileCommit(kind)
        try scene.test.write("Neu.md", "Neuer Abschnitt\n")
        try scene.test.addAll()
        try scene.test.commit("Weiter")
        var options = MergeOperation.Options(theirs: theirs, theirsName: "feindlich")
        options.environment = TestRepository.environment
        #expect(throws: RepositoryError.self) { _ = try MergeOperation(scene.test.repository).run(options) }
        scene.expectNoEscape()
    }

    @Test(arguments: Hostile.allCases)
    func cherryPickRefuses(_ kind: Hostile) throws {
        let scene = try Scene()
        let picked = try scene.hostileCommit(kind)
        #expect(throws: RepositoryError.self) {
            _ = try PickOperation(scene.test.repository).run(.cherryPick, picked, environment: TestRepository.environment)
        }
        scene.expectNoEscape()
    }

    /// A crafted HEAD (moved with a plain ref update, no checkout) and a
    /// MERGE_HEAD: the abort must not write HEAD's hostile paths.
    @Test(arguments: Hostile.allCases)
    func mergeAbortRefuses(_ kind: Hostile) throws {
        let scene = try Scene()
        let commit = try scene.hostileCommit(kind)
        let repository = scene.test.repository
        _ = try repository.refs.update(Array("refs/heads/main".utf8), to: commit, expected: .any, reflog: nil)
        try MergeState(repository).write(.mergeHead, id: commit)
        #expect(throws: RepositoryError.self) { try MergeOperation(repository).abort() }
        scene.expectNoEscape()
    }
}
