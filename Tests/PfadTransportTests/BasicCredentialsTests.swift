import PfadTransport
import Testing

@Suite struct BasicCredentialsTests {
    @Test func roundTripsAndSplitsAtTheFirstColon() throws {
        // "arnsberg:pa:ss" in base64, as `printf %s arnsberg:pa:ss | base64` prints it.
        let parsed = try #require(BasicCredentials(header: "Basic YXJuc2Jlcmc6cGE6c3M="))
        #expect(parsed == BasicCredentials(user: "arnsberg", password: "pa:ss"))
        #expect(parsed.headerValue == "Basic YXJuc2Jlcmc6cGE6c3M=")
        #expect(BasicCredentials(header: "Bearer abc") == nil)
        #expect(BasicCredentials(header: "Basic !!!") == nil)
    }
}
