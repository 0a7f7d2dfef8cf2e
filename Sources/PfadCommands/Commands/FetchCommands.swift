import ArgumentParser

extension Pfad {
    /// Fetching and cloning: clone, fetch, pull, ls-remote, remote, upload-pack (transport issue).
    static var fetchCommands: [ParsableCommand.Type] {
        [
            UploadPackCommand.self,
            FetchCommand.self,
            LsRemoteCommand.self,
            CloneCommand.self,
            PullCommand.self,
            RemoteCommand.self,
        ]
    }
}
