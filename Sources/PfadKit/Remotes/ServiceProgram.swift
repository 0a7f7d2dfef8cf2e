/// How a local remote's service (`upload-pack`, `receive-pack`) is run.
public enum ServiceProgram: Sendable, Equatable {
    /// On a thread of this process: nothing to install, nothing printed.
    case inProcess
    /// A program over pipes, with the repository path appended as its last
    /// argument (for example `["/usr/bin/pfad", "upload-pack"]`).
    case executable([String])
    /// A shell command (git's `--upload-pack=<command>`), run through
    /// `/bin/sh -c` with the repository path as its argument.
    case shell(String)
}
