import Testing
@testable import PfadRepository

@Suite struct PfadRepositoryModuleTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}
