import Testing
@testable import PfadDiff

@Suite struct PfadDiffModuleTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}
