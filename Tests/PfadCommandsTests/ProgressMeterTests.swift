import Testing
@testable import PfadCommands

struct ProgressMeterTests {
    /// git's progress sizes (`strbuf_humanise_bytes` behaviour, seen in
    /// `git clone --progress` output such as "8.81 KiB" and "12.50 MiB").
    @Test func bytesAreShownAsGitShowsThem() {
        #expect(ProgressMeter.humanBytes(0) == "0 bytes")
        #expect(ProgressMeter.humanBytes(1) == "1 byte")
        #expect(ProgressMeter.humanBytes(1023) == "1023 bytes")
        #expect(ProgressMeter.humanBytes(9021) == "8.81 KiB")
        #expect(ProgressMeter.humanBytes(13_107_200) == "12.50 MiB")
        #expect(ProgressMeter.humanBytes(3 << 30) == "3.00 GiB")
    }
}
