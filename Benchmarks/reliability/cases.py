"""The hostile catalogue's cases: crafted trees, `.gitmodules` files,
patches and receive-pack requests, each a small generator description.

Tree entries are (mode, name, value): a blob's bytes, a symbolic link's
target, or a list of entries for a subtree. `MARK` in a blob lets the
runner find any file that landed outside the work tree."""

MARK = b"PFAD-ESCAPE-MARKER\n"
HOOK = b"#!/bin/sh\necho PFAD-ESCAPE-MARKER\n"


def hooks(name=b"post-checkout"):
    return [("40000", b"hooks", [("100755", name, HOOK)])]


def gitmodules(text, extra=()):
    """A tree with a `.gitmodules` blob and a gitlink at `sub`."""
    return [("100644", b".gitmodules", text.encode()), ("160000", b"sub", "GITLINK")] + list(extra)


# name, reference, tree entries (added to the base tree), optional pre-step entries
TREE_CASES = [
    ("dotdot-component", "path traversal", [("40000", b"..", [("100644", b"escaped.txt", MARK)])], None),
    ("dot-component", "path traversal", [("40000", b".", [("100644", b"x.txt", MARK)])], None),
    ("slash-in-name", "path traversal", [("100644", b"../escaped.txt", MARK)], None),
    ("absolute-name", "path traversal", [("100644", b"/tmp/pfad-escaped.txt", MARK)], None),
    ("empty-name", "malformed tree", [("100644", b"", MARK)], None),
    ("dotgit", "CVE-2014-9390", [("40000", b".git", hooks())], None),
    ("dotgit-upper", "CVE-2014-9390", [("40000", b".GIT", hooks())], None),
    ("dotgit-mixed-in-subfolder", "CVE-2014-9390", [("40000", b"sub", [("40000", b".Git", hooks())])], None),
    ("dotgit-trailing-dot", "CVE-2019-1352 (NTFS)", [("40000", b".git.", hooks())], None),
    ("dotgit-trailing-space", "CVE-2019-1352 (NTFS)", [("40000", b".git ", hooks())], None),
    ("dotgit-short-name", "CVE-2019-1352 (NTFS git~1)", [("40000", b"git~1", hooks())], None),
    ("dotgit-stream", "CVE-2019-1352 (NTFS ::$INDEX_ALLOCATION)", [("40000", b".git::$INDEX_ALLOCATION", hooks())], None),
    ("dotgit-hfs-zwnj", "CVE-2014-9390 (HFS+ U+200C)", [("40000", ".g\u200cit".encode(), hooks())], None),
    ("dotgit-hfs-bom", "CVE-2014-9390 (HFS+ U+FEFF)", [("40000", ".git\ufeff".encode(), hooks())], None),
    ("dotgit-backslash", "CVE-2019-1354 (backslash)", [("100644", b"x\\.git", MARK)], None),
    ("dotgit-symlink", "CVE-2014-9390", [("120000", b".git", b"../outside")], None),
    ("duplicate-entries", "malformed tree", [("100644", b"doppelt.md", MARK), ("100644", b"doppelt.md", b"zwei\n")], None),
    ("symlink-and-folder-same-name", "CVE-2021-21300 flavour",
     [("120000", b"link", b"../outside"), ("40000", b"link", [("100644", b"escaped.txt", MARK)])], None),
    ("symlink-then-folder-next-commit", "symlink traversal",
     [("40000", b"link", [("100644", b"escaped.txt", MARK)])], [("120000", b"link", b"../outside")]),
    ("case-only-symlink", "CVE-2021-21300 (case-insensitive only)",
     [("120000", b"A", b".git/hooks"), ("40000", b"a", [("100755", b"post-checkout", HOOK)])], None),
    ("symlink-outside", "harmless link to outside", [("120000", b"nach-draussen", b"../outside")], None),
    ("gitmodules-symlink", "CVE-2018-11235", [("120000", b".gitmodules", b"../outside/x")], None),
    ("gitmodules-symlink-upper", "CVE-2018-11235", [("120000", b".GITMODULES", b"../outside/x")], None),
    ("gitmodules-symlink-short-name", "CVE-2018-11235 (NTFS gitmod~1)", [("120000", b"gitmod~1", b"../outside/x")], None),
    ("gitattributes-symlink", "git 2.32 symlink rule", [("120000", b".gitattributes", b"../outside/x")], None),
    ("gitignore-symlink", "git 2.32 symlink rule", [("120000", b".gitignore", b"../outside/x")], None),
    ("zero-padded-mode", "malformed tree", [("040000", b"ordner", [("100644", b"a.md", b"a\n")])], None),
    ("group-writable-mode", "legacy mode", [("100664", b"alt.md", b"a\n")], None),
    ("bad-mode", "malformed tree", [("100600", b"seltsam.md", b"a\n")], None),
    ("unsorted-tree", "malformed tree", [("100644", b"zz.md", b"z\n"), ("100644", b"aa.md", b"a\n")], "UNSORTED"),
    ("gitmodules-name-traversal", "CVE-2018-11235",
     gitmodules('[submodule "../../modules/evil"]\n\tpath = sub\n\turl = https://example.org/evil.git\n'), None),
    ("gitmodules-url-option", "CVE-2018-17456",
     gitmodules('[submodule "sub"]\n\tpath = sub\n\turl = -upayload\n'), None),
    ("gitmodules-path-option", "CVE-2018-17456",
     gitmodules('[submodule "sub"]\n\tpath = -sub\n\turl = https://example.org/sub.git\n'), None),
    ("gitmodules-url-newline", "CVE-2020-5260",
     gitmodules('[submodule "sub"]\n\tpath = sub\n\turl = https://example.org%0ahost=evil.example/\n'), None),
    ("gitmodules-url-no-host", "CVE-2020-11008",
     gitmodules('[submodule "sub"]\n\tpath = sub\n\turl = http::example.org/\n'), None),
    ("gitmodules-not-config", "malformed .gitmodules",
     gitmodules('[submodule "sub"\n\tpath = sub\n'), None),
]

# name, reference, patch text, symbolic links to create in the work tree first
PATCH_CASES = [
    ("new-file-dotdot", "path traversal",
     "diff --git a/../escaped.txt b/../escaped.txt\nnew file mode 100644\n--- /dev/null\n+++ b/../escaped.txt\n@@ -0,0 +1 @@\n+PFAD-ESCAPE-MARKER\n", []),
    ("new-file-in-dotgit", "CVE-2014-9390",
     "diff --git a/.git/hooks/post-checkout b/.git/hooks/post-checkout\nnew file mode 100755\n--- /dev/null\n+++ b/.git/hooks/post-checkout\n@@ -0,0 +1 @@\n+PFAD-ESCAPE-MARKER\n", []),
    ("new-file-in-dotgit-upper", "CVE-2014-9390",
     "diff --git a/.GIT/hooks/x b/.GIT/hooks/x\nnew file mode 100644\n--- /dev/null\n+++ b/.GIT/hooks/x\n@@ -0,0 +1 @@\n+PFAD-ESCAPE-MARKER\n", []),
    ("symlink-then-file-beyond", "CVE-2023-23946",
     "diff --git a/link b/link\nnew file mode 120000\n--- /dev/null\n+++ b/link\n@@ -0,0 +1 @@\n+../outside\n\\ No newline at end of file\n"
     "diff --git a/link/escaped.txt b/link/escaped.txt\nnew file mode 100644\n--- /dev/null\n+++ b/link/escaped.txt\n@@ -0,0 +1 @@\n+PFAD-ESCAPE-MARKER\n", []),
    ("file-beyond-existing-symlink", "CVE-2023-25652",
     "diff --git a/link/escaped.txt b/link/escaped.txt\nnew file mode 100644\n--- /dev/null\n+++ b/link/escaped.txt\n@@ -0,0 +1 @@\n+PFAD-ESCAPE-MARKER\n", [("link", "../outside")]),
    ("rename-to-dotdot", "path traversal",
     "diff --git a/README.md b/../escaped.txt\nsimilarity index 100%\nrename from README.md\nrename to ../escaped.txt\n", []),
    ("gitmodules-as-symlink", "CVE-2018-11235",
     "diff --git a/.gitmodules b/.gitmodules\nnew file mode 120000\n--- /dev/null\n+++ b/.gitmodules\n@@ -0,0 +1 @@\n+../outside/x\n\\ No newline at end of file\n", []),
    ("absolute-path", "path traversal",
     "diff --git a/tmp/pfad-escaped.txt b/tmp/pfad-escaped.txt\nnew file mode 100644\n--- /dev/null\n+++ /tmp/pfad-escaped.txt\n@@ -0,0 +1 @@\n+PFAD-ESCAPE-MARKER\n", []),
]

# name, reference, how the request is damaged (see hostile.py `receive_request`)
RECEIVE_CASES = [
    ("valid-request", "control: must be accepted", "none"),
    ("pack-truncated", "damaged pack", "truncate"),
    ("pack-bad-trailer", "damaged pack", "trailer"),
    ("pack-count-too-high", "damaged pack", "count"),
    ("pack-corrupt-zlib", "damaged pack", "zlib"),
    ("pack-missing-object", "connectivity", "missing"),
    ("ref-name-dotdot", "bad ref name", "refname:refs/heads/../../config"),
    ("ref-name-double-dot", "bad ref name", "refname:refs/heads/a..b"),
    ("ref-name-lock", "bad ref name", "refname:refs/heads/x.lock"),
    ("ref-name-not-refs", "bad ref name", "refname:HEAD2"),
    ("stale-old-id", "compare-and-swap", "stale"),
    ("no-pack-for-new-id", "connectivity", "nopack"),
]

# name, reference, request path sent to `pfad serve` (the served root holds
# `leitfaden.git`; `geheim.git` lies next to the root, outside it)
HTTP_CASES = [
    ("http-control", "control: must be served", "/leitfaden.git/info/refs?service=git-upload-pack"),
    ("http-dotdot", "path traversal", "/../geheim.git/info/refs?service=git-upload-pack"),
    ("http-encoded-dotdot", "path traversal", "/%2e%2e/geheim.git/info/refs?service=git-upload-pack"),
    ("http-inner-dotdot", "path traversal", "/leitfaden.git/../../geheim.git/info/refs?service=git-upload-pack"),
    ("http-encoded-slash", "path traversal", "/..%2fgeheim.git/info/refs?service=git-upload-pack"),
    ("http-absolute", "path traversal", "//etc/passwd"),
    ("http-git-dir-file", "repository internals", "/leitfaden.git/config"),
    ("http-objects-traversal", "path traversal", "/leitfaden.git/objects/../../../geheim.git/config"),
]
