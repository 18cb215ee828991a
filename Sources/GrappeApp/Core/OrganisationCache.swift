import Fluent
import NIOConcurrencyHelpers
import Vapor

/// The cluster running this install, read once and kept as an immutable `OrganisationProfile`
/// (it changes only through staff edits, which reset the cache). Per instance: on PostgreSQL a
/// write elsewhere resets it through `ChangeBoard`.
extension Application {
    private struct OrganisationKey: StorageKey { typealias Value = NIOLockedValueBox<OrganisationProfile?> }

    private var organisationBox: NIOLockedValueBox<OrganisationProfile?> {
        guard let box = storage[OrganisationKey.self] else { fatalError("organisation cache read before configure()") }
        return box
    }

    /// Called once by configure().
    func installOrganisationCache() { storage[OrganisationKey.self] = NIOLockedValueBox(nil) }

    func currentOrganisation(on db: any Database) async throws -> OrganisationProfile {
        if let cached = organisationBox.withLockedValue({ $0 }) { return cached }
        guard let row = try await Organisation.query(on: db).sort(\.$createdAt).first() else {
            throw Abort(.internalServerError, reason: "Aucune organisation : lancez `grappe migrate`.")
        }
        let org = try OrganisationProfile(row)
        organisationBox.withLockedValue { $0 = org }
        return org
    }

    func forgetOrganisation() { organisationBox.withLockedValue { $0 = nil } }
}

extension Request {
    func organisation() async throws -> OrganisationProfile {
        try await application.currentOrganisation(on: db)
    }

    func organisationID() async throws -> UUID {
        try await organisation().requireID()
    }
}
