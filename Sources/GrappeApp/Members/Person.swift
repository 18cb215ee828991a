import Fluent
import Foundation
import GrappeDomain

/// A person: company contact, membership holder, board member…
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "first_name") var firstName: String
    @Field(key: "last_name") var lastName: String
    @Field(key: "email") var email: String
    @Field(key: "phone") var phone: String
    @OptionalEnum(key: "gender") var gender: Gender?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, draft: PersonDraft) {
        self.$organisation.id = organisationID
        apply(draft)
    }

    func apply(_ draft: PersonDraft) {
        firstName = draft.firstName
        lastName = draft.lastName
        email = draft.email
        phone = draft.phone
        gender = draft.genderValue
    }

    var fullName: String { "\(firstName) \(lastName)" }
}

/// Links a person to a company with a role ("Gérant", "DSI"…).
final class CompanyContact: Model, @unchecked Sendable {
    static let schema = "company_contacts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "company_id") var company: Company
    @Parent(key: "person_id") var person: Person
    @Field(key: "role") var role: String

    init() {}

    init(companyID: UUID, personID: UUID, role: String) {
        self.$company.id = companyID
        self.$person.id = personID
        self.role = role
    }
}
