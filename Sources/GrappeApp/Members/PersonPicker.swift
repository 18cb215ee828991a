import Fluent
import Foundation
import Vapor

/// Choosing a person in a staff form: a list while the choices are few, their e-mail address
/// beyond that (a list of thousands of names is neither usable nor cheap to send).
enum PersonPicker {
    static let listLimit = 300

    /// The field named `person` (a list) or `person_email` (an address) when `choices` is nil.
    /// `idPrefix` keeps the ids apart when one page holds two pickers.
    static func field(_ label: String, choices: [(id: UUID, name: String)]?, idPrefix: String = "") -> HTML {
        guard let choices else {
            return Input.text("person_email", "\(label) (adresse e-mail)", FormState(), type: "email", required: true, maxLength: 254,
                              id: idPrefix + "person_email")
        }
        return Input.select("person", label, FormState(), options: choices.map { ($0.id.uuidString, $0.name) }, required: true, blank: "—",
                            id: idPrefix + "person")
    }

    /// The person the form chose, in `organisationID`: by id, or by e-mail address.
    static func chosen(_ req: Request, organisationID: UUID) async throws -> Person? {
        let found: Person?
        if let id = req.content[String.self, at: "person"].flatMap(UUID.init(uuidString:)) {
            found = try await Person.find(id, on: req.db)
        } else if let email = req.content[String.self, at: "person_email"]?.trimmingCharacters(in: .whitespaces).lowercased(), !email.isEmpty {
            found = try await Person.query(on: req.db).filter(\.$organisation.$id == organisationID).filter(\.$email == email).first()
        } else {
            found = nil
        }
        return found?.$organisation.id == organisationID ? found : nil
    }
}
