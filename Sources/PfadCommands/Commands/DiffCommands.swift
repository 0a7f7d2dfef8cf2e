import ArgumentParser

extension Pfad {
    /// Commands of the diff and merge engine (issue 4).
    static var diffCommands: [ParsableCommand.Type] {
        [DiffCommand.self, MergeFileCommand.self, MergeDriverCommand.self, ApplyCommand.self]
    }
}
