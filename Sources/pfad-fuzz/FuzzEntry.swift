import PfadFuzzing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Built two ways (see Benchmarks/fuzz/run.sh):
// - with `--sanitize=fuzzer -Xswiftc -DPFAD_FUZZ`: libFuzzer brings `main`
//   and calls `LLVMFuzzerTestOneInput` for each input; the target comes
//   from the environment variable PFAD_FUZZ_TARGET.
// - plainly (as `swift build` does): `pfad-fuzz TARGET FILE...` replays
//   files through a target and prints each outcome, so a reproducer can be
//   run without libFuzzer.

/// Writes `text` to standard error (file descriptor 2, unbuffered).
func writeError(_ text: String) {
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
        let n = bytes.withUnsafeBytes { write(2, $0.baseAddress.map { $0 + written }, $0.count - written) }
        if n <= 0 { return }
        written += n
    }
}

#if PFAD_FUZZ
/// The target named by PFAD_FUZZ_TARGET, read once.
private let selectedTarget: FuzzTarget? = getenv("PFAD_FUZZ_TARGET").flatMap { FuzzTarget(rawValue: String(cString: $0)) }

/// libFuzzer's entry point: one input per call. A violation is reported
/// and turned into a crash, which is how libFuzzer learns of a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = selectedTarget else {
        writeError("pfad-fuzz: set PFAD_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n")
        exit(2)
    }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if case .violation(let reason) = target.run(bytes) {
        writeError("pfad-fuzz: \(target.rawValue): \(reason)\n")
        abort()
    }
    return 0
}
#else
/// Replays files through a target without libFuzzer.
@main
enum FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            writeError("usage: pfad-fuzz TARGET FILE...\ntargets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n")
            exit(129)
        }
        var violations = 0
        for path in arguments.dropFirst() {
            guard let bytes = readFile(path) else {
                writeError("pfad-fuzz: cannot read '\(path)'\n")
                exit(128)
            }
            let outcome = target.run(bytes)
            switch outcome {
            case .accepted: print("accepted  \(path)")
            case .rejected: print("rejected  \(path)")
            case .violation(let reason):
                violations += 1
                print("VIOLATION \(path): \(reason)")
            }
        }
        exit(violations == 0 ? 0 : 1)
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n == 0 { break }
            bytes += buffer[..<n]
        }
        return ferror(file) == 0 ? bytes : nil
    }
}
#endif
