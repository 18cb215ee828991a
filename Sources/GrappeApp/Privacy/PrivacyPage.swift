import Fluent
import Foundation

/// What « Mes données » shows a person: their consents and their erasure request still
/// pending, read by `load` and drawn by `PrivacyView.mine`.
struct PrivacyPage: Sendable {
    let email: String
    let organisationName: String
    let consents: [Consent]
    let pendingErasure: DataRequest?

    static func load(_ db: any Database, email: String, organisationName: String) async throws -> PrivacyPage {
        PrivacyPage(
            email: email, organisationName: organisationName,
            consents: try await Consent.query(on: db).filter(\.$email == email).sort(\.$givenAt, .descending).all(),
            pendingErasure: try await DataRequest.query(on: db).filter(\.$email == email).filter(\.$status == .pending).first())
    }
}
