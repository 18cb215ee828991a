import Fluent
import NIOConcurrencyHelpers
import Vapor

/// The cluster running this install, read once and kept (it changes only through staff edits,
/// which reset the cache).
extension Application {
    private struct OrganisationKey: StorageKey { typealias Value = NIOLockedValueBox<Organisation?> }

    private var organisationBox: NIOLockedValueBox<Organisation?> {
        guard let box = storage[OrganisationKey.self] else { fatalError("organisation cache read before configure()") }
        return box
    }

    /// Called once by configure().
    func installOrganisationCache() { storage[OrganisationKey.self] = NIOLockedValueBox(nil) }

    func currentOrganisation(on db: any Database) async throws -> Organisation {
        if let cached = organisationBox.withLockedValue({ $0 }) { return cached }
        guard let org = try await Organisation.query(on: db).sort(\.$createdAt).first() else {
            throw Abort(.internalServerError, reason: "Aucune organisation : lancez `grappe migrate`.")
        }
        organisationBox.withLockedValue { $0 = org }
        return org
    }

    func forgetOrganisation() { organisationBox.withLockedValue { $0 = nil } }
}

extension Request {
    func organisation() async throws -> Organisation {
        try await application.currentOrganisation(on: db)
    }

    func organisationID() async throws -> UUID {
        try await organisation().requireID()
    }
}
