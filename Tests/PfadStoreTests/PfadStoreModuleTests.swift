import Testing
@testable import PfadStore

@Suite struct PfadStoreModuleTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}
