import ArgumentParser

/// The root command: lists every subcommand. Each subcommand lives in its
/// own file under `Commands/`.
struct Pfad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pfad",
        abstract: "A versioned repository for written guides, in git's own format.",
        discussion: "Global option: -C DIR runs as if pfad was started in DIR.",
        version: "0.1.0",
        subcommands: Pfad.allSubcommands
    )

    /// `pfad` with no subcommand prints its help.
    func run() throws {
        CommandIO.process.out.line(Pfad.helpMessage())
    }

    /// Every subcommand, in the order `pfad --help` lists them; each lives
    /// in `Commands/<area>/`.
    static var allSubcommands: [ParsableCommand.Type] {
        [
            // Setup/, Objects/, WorkTree/ (part), Packs/FsckCommand
            InitCommand.self, HashObjectCommand.self, CatFileCommand.self, LsTreeCommand.self, LsFilesCommand.self,
            WriteTreeCommand.self, CommitTreeCommand.self, UpdateRefCommand.self, SymbolicRefCommand.self,
            ShowRefCommand.self, RevParseCommand.self, AddCommand.self, RmCommand.self, CommitCommand.self,
            StatusCommand.self, FsckCommand.self, ConfigCommand.self,
            // Diff/ and patches
            DiffCommand.self, MergeFileCommand.self, ApplyCommand.self,
            // Packs/
            IndexPackCommand.self, VerifyPackCommand.self, CountObjectsCommand.self, GcCommand.self, RepackCommand.self,
            // History/
            LogCommand.self, RevListCommand.self, MergeBaseCommand.self, ShowCommand.self, ReflogCommand.self,
            // Branches/ and the rest of WorkTree/
            BranchCommand.self, SwitchCommand.self, CheckoutCommand.self, RestoreCommand.self, ResetCommand.self,
            TagCommand.self,
            // Merge/
            MergeCommand.self, CherryPickCommand.self, RevertCommand.self,
            BlameCommand.self,
            // Remote/ and Serve/
            UploadPackCommand.self, FetchCommand.self, LsRemoteCommand.self, CloneCommand.self, PullCommand.self,
            RemoteCommand.self, PushCommand.self, ReceivePackCommand.self, ServeCommand.self,
        ]
    }
}
