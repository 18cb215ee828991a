import Fluent
import Foundation
import GrappeDomain

/// A cluster `scale` times OPEN's size, for the report benchmark: 100 member companies per
/// unit of scale (each with a holder, memberships and paid or unpaid dues for two years),
/// commissions meeting 35 times per unit with 10 000 attendance rows per unit, and volunteer
/// entries. Rows are inserted a thousand at a time.
enum ReportBenchmarkData {
    struct Counts: Sendable { var companies = 0, dues = 0, meetings = 0, attendances = 0 }

    static func insert<M: Model>(_ models: [M], on db: any Database) async throws {
        var start = 0
        while start < models.count {
            try await Array(models[start..<min(start + 1000, models.count)]).create(on: db)
            start += 1000
        }
    }

    static func fill(scale: Int, year: Int, organisationID orgID: UUID, on db: any Database, progress: (String) -> Void) async throws -> Counts {
        var counts = Counts()
        let companiesTotal = 100 * scale
        var people: [Person] = [], companies: [Company] = [], memberships: [Membership] = [], dues: [Due] = [], payments: [Payment] = []
        // Numbered after the dues already there (the demo's, when `bench-fill` adds to it).
        var sequence: [Int: Int] = [:]
        for y in [year - 1, year] {
            sequence[y] = try await Due.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$year == y).max(\.$sequence) ?? 0
        }
        for i in 0..<companiesTotal {
            let company = Company(organisationID: orgID, slug: "entreprise-\(i)")
            company.id = UUID()
            company.name = "Entreprise \(i)"; company.legalName = ""; company.address = ""; company.commune = Communes.all[i % Communes.all.count]
            company.website = ""; company.email = "contact@e\(i).example"; company.phone = ""; company.about = ""; company.headcount = 1 + i % 60
            company.logoURL = ""; company.founding = false; company.publicProfile = true
            companies.append(company)
            let person = Person(organisationID: orgID, draft: PersonDraft(firstName: "Titulaire", lastName: "N\(i)", email: "t\(i)@e\(i).example",
                                                                          gender: i % 10 == 0 ? Gender.female.rawValue : Gender.male.rawValue))
            person.id = UUID()
            people.append(person)
            for y in [year - 1, year] where y == year || i % 100 < 94 {
                let category: MembershipCategory = i % 100 < 85 ? .core : .partner
                let m = Membership(companyID: company.id!, year: y, category: category, status: .active, startDate: FrenchDate.make(y, 1, 1), holderID: person.id)
                m.id = UUID()
                memberships.append(m)
                sequence[y, default: 0] += 1
                let due = Due(organisationID: orgID, membershipID: m.id!, companyID: company.id!, number: DueNumber(year: y, sequence: sequence[y]!),
                              category: category, headcount: company.headcount, bracketLabel: "", baseAmount: 60_000, amount: 60_000,
                              issuedOn: FrenchDate.make(y, 2, 3), dueOn: FrenchDate.make(y, 3, 5))
                due.id = UUID()
                dues.append(due)
                if i % 7 != 0 {
                    due.paid = 60_000
                    payments.append(Payment(dueID: due.id!, paidOn: FrenchDate.make(y, 3, 1), amount: 60_000, method: .transfer, reference: "", recordedBy: nil))
                }
            }
        }
        try await insert(companies, on: db); try await insert(people, on: db)
        try await insert(memberships, on: db); try await insert(dues, on: db); try await insert(payments, on: db)
        counts.companies = companiesTotal; counts.dues = dues.count
        progress("\(companiesTotal) entreprises, \(memberships.count) adhésions, \(dues.count) cotisations, \(payments.count) paiements")

        var groups: [Group] = []
        for (index, name) in ["Cybersécurité", "Formation", "DATA-IA", "Numérique Inclusif & Durable"].enumerated() {
            let g = Group(organisationID: orgID, kind: .commission, name: "Commission \(name)", slug: "commission-\(index)", about: "", foundedOn: FrenchDate.make(2017 + index, 1, 1))
            g.id = UUID()
            groups.append(g)
        }
        try await insert(groups, on: db)
        var members: [GroupMember] = []
        for (index, person) in people.enumerated() { members.append(GroupMember(groupID: groups[index % 4].id!, personID: person.id!, active: index % 3 != 0)) }
        try await insert(members, on: db)

        let meetingsTotal = 35 * scale, perMeeting = min(10_000 * scale / meetingsTotal, people.count)  // one row per person and meeting
        for batch in stride(from: 0, to: meetingsTotal, by: 100) {
            var meetings: [Meeting] = [], attendances: [Attendance] = []
            for n in batch..<min(batch + 100, meetingsTotal) {
                let day = FrenchDate.make(year, 1 + n % 12, 1 + n % 28)
                let m = Meeting(organisationID: orgID, groupID: groups[n % 4].id!, title: "Réunion \(n)", startsAt: FrenchDate.at(day, minutes: 720),
                                endsAt: FrenchDate.at(day, minutes: 810), status: .held)
                m.id = UUID()
                meetings.append(m)
                for k in 0..<perMeeting {
                    attendances.append(Attendance(meetingID: m.id!, personID: people[(n * 37 + k) % people.count].id!, status: .present))
                }
            }
            try await insert(meetings, on: db)
            try await insert(attendances, on: db)
            counts.meetings += meetings.count; counts.attendances += attendances.count
            if batch % 1000 == 0 { progress("\(counts.meetings) réunions, \(counts.attendances) présences…") }
        }
        var entries: [VolunteerEntry] = []
        for n in 0..<(60 * scale) {
            entries.append(VolunteerEntry(organisationID: orgID, personID: people[n * 13 % people.count].id!, groupID: groups[n % 4].id,
                                          activity: "Action \(n)", date: FrenchDate.make(year, 1 + n % 12, 10), minutes: 480, createdBy: nil))
        }
        try await insert(entries, on: db)
        return counts
    }
}
