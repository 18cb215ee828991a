import Fluent
import Foundation

/// The history stores ids (« titulaire : — → 470E2D1E-… »); it shows names. The ids found in a
/// page of entries are resolved all at once — one query per kind of record (people, companies,
/// accounts), whatever the number of rows.
enum AuditNames {
    /// Uppercased id → name, for the values that are ids of a person, a company or an account.
    static func resolve(_ values: [String], on db: any Database) async throws -> [String: String] {
        let ids = Array(Set(values.compactMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }))
        guard !ids.isEmpty else { return [:] }
        var names: [String: String] = [:]
        for person in try await Person.query(on: db).filter(\.$id ~~ ids).all() { names[person.id!.uuidString] = person.fullName }
        for company in try await Company.query(on: db).filter(\.$id ~~ ids).all() { names[company.id!.uuidString] = company.name }
        for user in try await User.query(on: db).filter(\.$id ~~ ids).all() { names[user.id!.uuidString] = user.displayName }
        return names
    }

    /// A value as the history shows it: a dash when empty, the name for a known id, else as stored.
    static func shown(_ value: String, _ names: [String: String]) -> String {
        if value.isEmpty { return "—" }
        if let id = UUID(uuidString: value.trimmingCharacters(in: .whitespaces)), let name = names[id.uuidString] { return name }
        return value
    }
}
