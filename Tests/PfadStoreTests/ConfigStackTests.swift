import Testing
@testable import PfadStore

@Suite struct ConfigStackTests {
    @Test func laterLayersWin() throws {
        let dir = try Scratch("pfad-stack")
        defer { dir.remove() }
        try dir.write("home/.gitconfig", [UInt8]("[user]\n\tname = Global\n\temail = g@x\n[core]\n\texcludesFile = ~/ignore\n"))
        try dir.write("xdg/git/config", [UInt8]("[user]\n\tname = XDG\n\tsigningKey = k\n"))
        try dir.write("repo/.git/config", [UInt8]("[user]\n\tname = Repo\n[core]\n\tbare = false\n"))
        let env = [
            "HOME": dir.path + "/home", "XDG_CONFIG_HOME": dir.path + "/xdg", "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "core.bare", "GIT_CONFIG_VALUE_0": "true",
        ]
        let stack = try ConfigStack.load(gitDirectory: dir.path + "/repo/.git", environment: env)
        #expect(stack.layers.count == 4)  // xdg, ~/.gitconfig, repo, command line
        #expect(stack.get("user.name") == "Repo")
        #expect(stack.get("user.email") == "g@x")
        #expect(stack.get("user.signingkey") == "k")
        #expect(stack.getAll("user.name") == ["XDG", "Global", "Repo"])
        #expect(try stack.getBool("core.bare") == true)
        #expect(stack.get("core.excludesfile") == "~/ignore")
    }

    @Test func gitConfigGlobalReplacesHomeFiles() throws {
        let dir = try Scratch("pfad-stack")
        defer { dir.remove() }
        try dir.write("home/.gitconfig", [UInt8]("[user]\n\tname = Home\n"))
        try dir.write("global", [UInt8]("[user]\n\tname = Explicit\n"))
        try dir.write("system", [UInt8]("[user]\n\temail = sys@x\n"))
        let env = ["HOME": dir.path + "/home", "GIT_CONFIG_GLOBAL": dir.path + "/global", "GIT_CONFIG_SYSTEM": dir.path + "/system"]
        let stack = try ConfigStack.load(gitDirectory: nil, environment: env)
        #expect(stack.get("user.name") == "Explicit")
        #expect(stack.get("user.email") == "sys@x")
        var noSystem = env
        noSystem["GIT_CONFIG_NOSYSTEM"] = "true"
        #expect(try ConfigStack.load(gitDirectory: nil, environment: noSystem).get("user.email") == nil)
    }
}
