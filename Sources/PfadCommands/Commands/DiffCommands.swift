import ArgumentParser

extension Pfad {
    /// Commands of the diff and merge engine (issue 4).
    static var diffCommands: [ParsableCommand.Type] {
        [DiffCommand.self, MergeFileCommand.self, ApplyCommand.self]
    }
}
