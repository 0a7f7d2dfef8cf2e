import Testing
@testable import PfadRepository

/// Verdicts of `git fsck --strict` 2.39.5 on a `.gitmodules` blob with
/// `url = <url>` (`%0a` is an escaped newline).
@Suite struct SubmoduleURLTests {
    @Test(arguments: [
        "--upload-pack=touch /tmp/pwn", "-a", "./a%0ab", "./a:%0ab", "git://h/a%0ab", "https:///x", "https://h/a%0ab",
        "http::https://h%0a/x", "../:x", "..//x", "https://u:p@/x", "https://u%0a@h/x", ".\\a%0ab",
    ])
    func refused(_ url: String) {
        #expect(!SubmoduleURL.isAllowed(Array(url.utf8)), "\(url)")
    }

    @Test(arguments: [
        "./-x", "./a%0a:b", "./../../x/", "ssh://h/a%0ab", "https:h/x", "https://example.com/karte.git",
        "git@example.com:karte.git", "../karte.git", "/srv/git/karte.git",
    ])
    func allowed(_ url: String) {
        #expect(SubmoduleURL.isAllowed(Array(url.utf8)), "\(url)")
    }
}
