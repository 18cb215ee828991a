import Fluent
import Foundation
import GrappeDomain
@testable import GrappeApp

/// Companies, contacts and dues in memory for the member, due and directory view tests: no database.
enum MemberViewFixtures {
    /// A company with every field set, as a validated form would leave it.
    static func company(_ name: String = "L'Atelier <SARL>", slug: String = "atelier", publicProfile: Bool = true) -> Company {
        var draft = CompanyDraft()
        draft.name = name
        draft.legalName = "Atelier Numérique SARL"
        draft.address = "12 rue Jean Jaurès"
        draft.commune = "Nouméa"
        draft.website = "https://atelier.example"
        draft.email = "contact@atelier.example"
        draft.phone = "26 12 34"
        draft.description = "Développement <web> et conseil"
        draft.headcount = "12"
        draft.publicProfile = publicProfile
        let c = Company(organisationID: UUID(), slug: slug)
        c.id = UUID()
        c.apply(draft)
        return c
    }

    /// `company`'s contact `first last`, the person loaded.
    static func contact(_ company: Company, _ first: String, _ last: String, email: String, role: String = "Gérant") -> CompanyContact {
        let person = Person(organisationID: UUID(), draft: PersonDraft(firstName: first, lastName: last, email: email))
        person.id = UUID()
        let contact = CompanyContact(companyID: company.id!, personID: person.id!, role: role)
        contact.id = UUID()
        contact.$person.value = person
        return contact
    }

    static func dueSummary(_ company: Company, number: String = "2026-0001", amount: Int, paid: Int, dueOn: Date = FrenchDate.make(2026, 3, 31)) -> DueSummary {
        DueSummary(id: UUID(), number: number, year: 2026, companyID: company.id!, companyName: company.name, category: .core,
                   amount: amount, paid: paid, dueOn: dueOn, lastRemindedAt: nil, reminderCount: 0)
    }
}
