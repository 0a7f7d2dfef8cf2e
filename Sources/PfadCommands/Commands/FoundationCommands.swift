import ArgumentParser

extension Pfad {
    /// Commands of the object store, index and porcelain (issue 2).
    static var foundationCommands: [ParsableCommand.Type] {
        [
            InitCommand.self, HashObjectCommand.self, CatFileCommand.self, LsTreeCommand.self, LsFilesCommand.self,
            WriteTreeCommand.self, CommitTreeCommand.self, UpdateRefCommand.self, SymbolicRefCommand.self,
            ShowRefCommand.self, RevParseCommand.self, AddCommand.self, RmCommand.self, CommitCommand.self,
            StatusCommand.self, FsckCommand.self, ConfigCommand.self,
        ]
    }
}
