import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The API token of `Authorization: Token …` (CTFd's clients) or `Bearer …`, read by hand.
    @Suite struct HackagouTokenHeaderTests {
        func token(_ value: String?) -> String? {
            var headers = HTTPHeaders()
            if let value { headers.add(name: .authorization, value: value) }
            return CTFTokenCache.token(in: headers)
        }

        @Test func theTokenIsReadFromEitherSchemeWithoutTheSpacesAround() {
            #expect(token("Token grp_abc") == "grp_abc")
            #expect(token("Bearer grp_abc") == "grp_abc")
            #expect(token("Token   grp_abc \t ") == "grp_abc")
            #expect(token("Token gr p") == "gr p", "inner spaces stay: such a token matches none")
        }

        @Test func noTokenEmptyOrTooLongOrAnotherSchemeIsNone() {
            #expect(token(nil) == nil)
            #expect(token("Token ") == nil)
            #expect(token("Token  \t ") == nil)
            #expect(token("Basic Z3JwOmFiYw==") == nil)
            #expect(token("token grp_abc") == nil, "the scheme is written as CTFd's clients send it")
            #expect(token("Token " + String(repeating: "a", count: 200)) == String(repeating: "a", count: 200))
            #expect(token("Token " + String(repeating: "a", count: 201)) == nil)
        }
    }
}
