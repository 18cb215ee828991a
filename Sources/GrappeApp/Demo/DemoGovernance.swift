import Fluent
import Foundation
import GrappeDomain

/// The governance and the life of OPEN NC in 2025 as the report tells it: the board and the
/// bureau elected on 20 April 2023, their meetings month by month, the meetings with the
/// institutions, the four commissions and the clubs with their 2025 meetings and attendance.
enum DemoGovernance {
    struct GroupSeed {
        let name: String, slug: String, kind: GroupKind, founded: Date?, active: Bool, about: String
        let rule: MeetingRule?, members: Int, activeMembers: Int, months: [Int], averagePresent: Int
    }

    static func rule(_ ordinal: MeetingRule.Ordinal, _ start: Int = 720, _ end: Int = 810) -> MeetingRule {
        try! MeetingRule(ordinal: ordinal, weekday: 5, start: start, end: end)
    }

    static let elected = FrenchDate.make(2023, 4, 20)

    static let seeds: [GroupSeed] = [
        .init(name: "Commission Cybersécurité", slug: "cybersecurite", kind: .commission, founded: FrenchDate.make(2017, 1, 1), active: true,
              about: "La première commission d'OPEN : experts et amateurs de cybersécurité. Hackagou, Centre Cyber du Pacifique, PRO SUD, interventions en milieu scolaire.",
              rule: rule(.second), members: 28, activeMembers: 14, months: Array(2...12), averagePresent: 10),
        .init(name: "Commission Formation", slug: "formation", kind: .commission, founded: FrenchDate.make(2019, 1, 1), active: true,
              about: "Les acteurs de la formation : Semaine du numérique, Salon Master Emploi, lien avec la FFI.",
              rule: rule(.third), members: 20, activeMembers: 8, months: [2, 3, 5, 6, 8, 9, 10], averagePresent: 6),
        .init(name: "Commission DATA-IA", slug: "data-ia", kind: .commission, founded: FrenchDate.make(2021, 11, 1), active: true,
              about: "Fusion en 2025 des commissions DATA (2021) et IA (2023) : cas d'usage, veille, présentations d'outils, retours d'expérience.",
              rule: rule(.first), members: 87, activeMembers: 30, months: Array(2...12), averagePresent: 20),
        .init(name: "Commission Numérique Inclusif & Durable", slug: "numerique-inclusif-durable", kind: .commission, founded: FrenchDate.make(2023, 3, 1), active: true,
              about: "Concilier numérique, inclusion, diversité et durabilité : Grande Collecte Numérique, Club RSE, feuille de route de l'inclusion numérique.",
              rule: rule(.fourth), members: 29, activeMembers: 20, months: [3, 4, 6, 8, 9, 10], averagePresent: 10),
        .init(name: "Club des DSI", slug: "club-dsi", kind: .club, founded: nil, active: true, about: "Club fermé des directeurs des systèmes d'information.",
              rule: nil, members: 12, activeMembers: 8, months: [3, 5, 7, 9, 11], averagePresent: 6),
        .init(name: "Club des RSSI", slug: "club-rssi", kind: .club, founded: nil, active: true, about: "Club fermé des responsables de la sécurité des systèmes d'information.",
              rule: nil, members: 10, activeMembers: 7, months: [4, 8, 11], averagePresent: 6),
        .init(name: "Club Géomatique", slug: "club-geomatique", kind: .club, founded: nil, active: false, about: "Ne s'est pas réuni en 2025.",
              rule: nil, members: 6, activeMembers: 0, months: [], averagePresent: 0),
        .init(name: "Club Open Source", slug: "club-open-source", kind: .club, founded: nil, active: false, about: "Ne s'est pas réuni en 2025.",
              rule: nil, members: 6, activeMembers: 0, months: [], averagePresent: 0),
        .init(name: "Club DPO", slug: "club-dpo", kind: .club, founded: nil, active: false, about: "Ne s'est pas réuni en 2025.",
              rule: nil, members: 5, activeMembers: 0, months: [], averagePresent: 0),
    ]

    /// Board and bureau, by holder's last name: (bureau role, vice-president rank).
    static let bureau: [String: (MandateRole, Int)] = [
        "SCHORGEN": (.president, 0), "CHIAPELLO": (.vicePresident, 1), "TANGUY": (.vicePresident, 2), "HASSOUNI": (.vicePresident, 3),
        "KRAFT": (.treasurer, 0), "RICHARD": (.deputyTreasurer, 0), "MAILLOT": (.secretaryGeneral, 0),
    ]
    static let boardOrder = ["SCHORGEN", "CHIAPELLO", "TANGUY", "HASSOUNI", "RICHARD", "KRAFT", "MAILLOT", "RIVATON", "DEREK", "AVRON", "BELLAGI"]
    /// Board and bureau meetings in 2025, per month (the report's list: two in November).
    static let boardMeetings: [(Int, Int)] = [(2, 6), (3, 6), (4, 10), (5, 8), (6, 5), (8, 7), (9, 4), (10, 9), (11, 6), (11, 20), (12, 4)]
    static let institutionMeetings: [(String, Int, Int, String)] = [
        ("Gouvernement", 2, 18, "Point mensuel sur l'actualité de la filière"), ("Gouvernement", 4, 15, "Relance économique et numérique"),
        ("Gouvernement", 6, 17, "Feuille de route de l'inclusion numérique"), ("Gouvernement", 9, 16, "Grande Collecte Numérique"),
        ("Gouvernement", 11, 18, "Bilan de l'année et perspectives 2026"), ("Province Sud", 5, 13, "Aide à la numérisation et diagnostic de maturité"),
    ]

    /// Each commission's 2025 projects, as the report lists them.
    static let projects: [String: [String]] = [
        "cybersecurite": ["Le 4e CTF calédonien, HACKAGOU", "La participation au bureau du Centre Cyber du Pacifique",
                          "Le programme PRO SUD avec la province Sud : coaching cybersécurité des chefs d'entreprise",
                          "Le soutien de l'étude OSINT réalisée par AdDo", "Les assurances cyber", "La mise en relation avec l'École 2600",
                          "Les interventions en milieu scolaire", "La sollicitation du CNAM pour des formations"],
        "formation": ["La Semaine du numérique du vice-rectorat : conférences et tables rondes", "Le Salon Master Emploi de l'UNC",
                      "La mise en relation avec la FFI (Fédération Formation Insertion)"],
        "data-ia": ["Des présentations de cas d'usage", "Des partages de veille et d'actualités", "Des présentations techniques d'outils et solutions",
                    "Des retours d'expérience"],
        "numerique-inclusif-durable": ["La Grande Collecte Numérique", "Le rapprochement avec le Club RSE",
                                       "La feuille de route de l'inclusion numérique avec le Gouvernement"],
    ]

    static func load(organisationID: UUID, on db: any Database) async throws {
        let people = try await Person.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$lastName).all()
        let contacts = try await CompanyContact.query(on: db).all()
        let companyOf = Dictionary(contacts.map { ($0.$person.id, $0.$company.id) }, uniquingKeysWith: { a, _ in a })
        let byLastName = Dictionary(people.map { ($0.lastName, $0) }, uniquingKeysWith: { a, _ in a })
        let board = Group(organisationID: organisationID, kind: .board, name: "Conseil d'administration", slug: "conseil-administration",
                          about: "10 membres adhérents et des membres d'honneur sans voix délibérative (article 10 des statuts). Renouvelé en AG le 20 avril 2023 pour 3 ans.",
                          foundedOn: nil)
        let bureauGroup = Group(organisationID: organisationID, kind: .bureau, name: "Bureau", slug: "bureau",
                                about: "Un président, trois vice-présidents, un trésorier, un trésorier adjoint et un secrétaire général (article 11 des statuts).",
                                foundedOn: nil)
        try await board.create(on: db)
        try await bureauGroup.create(on: db)
        let boardID = try board.requireID(), bureauID = try bureauGroup.requireID()
        var boardPeople: [Person] = []
        for name in boardOrder {
            guard let person = byLastName[name] else { continue }
            boardPeople.append(person)
            let personID = try person.requireID()
            try await Mandate(groupID: boardID, personID: personID, companyID: companyOf[personID], role: .director, electedOn: elected).create(on: db)
            try await GroupMember(groupID: boardID, personID: personID, role: "Administrateur").create(on: db)
            if let (role, rank) = bureau[name] {
                try await Mandate(groupID: bureauID, personID: personID, companyID: companyOf[personID], role: role, rank: rank, electedOn: elected).create(on: db)
                try await GroupMember(groupID: bureauID, personID: personID, role: role.label).create(on: db)
            }
        }
        let cci = Person(organisationID: organisationID, draft: PersonDraft(firstName: "Représentant", lastName: "de la CCI (fictif)"))
        try await cci.create(on: db)
        try await Mandate(groupID: boardID, personID: try cci.requireID(), companyID: nil, role: .honorary, electedOn: elected, holderLabel: "La CCI").create(on: db)
        if let frenchTech = people.first(where: { companyOf[$0.id!] != nil && $0.lastName.hasPrefix("Boyer") }) {
            try await Mandate(groupID: boardID, personID: try frenchTech.requireID(), companyID: companyOf[frenchTech.id!], role: .honorary,
                              electedOn: elected, holderLabel: "La French Tech").create(on: db)
        }
        for (index, (month, day)) in boardMeetings.enumerated() {
            let date = FrenchDate.make(2025, month, day)
            try await meeting(organisationID: organisationID, groupID: boardID, title: "Réunion du bureau et du CA", day: date, start: 17 * 60 + 30, end: 19 * 60 + 30,
                              present: Array(boardPeople.rotated(by: index).prefix(8)), on: db)
        }
        for (institution, month, day, subject) in institutionMeetings {
            let date = FrenchDate.make(2025, month, day)
            try await Meeting(organisationID: organisationID, groupID: nil, institution: institution, title: subject,
                              startsAt: FrenchDate.at(date, minutes: 9 * 60), endsAt: FrenchDate.at(date, minutes: 10 * 60 + 30), status: .held).create(on: db)
        }
        let pool = people.filter { companyOf[$0.id!] != nil }
        for (offset, seed) in seeds.enumerated() {
            let group = Group(organisationID: organisationID, kind: seed.kind, name: seed.name, slug: seed.slug, about: seed.about,
                              foundedOn: seed.founded, active: seed.active)
            group.rule = seed.rule
            group.projects = (projects[seed.slug] ?? []).joined(separator: "\n")
            try await group.create(on: db)
            let groupID = try group.requireID()
            let members = Array(pool.rotated(by: offset * 11).prefix(seed.members))
            for (index, person) in members.enumerated() {
                try await GroupMember(groupID: groupID, personID: try person.requireID(), role: index == 0 ? "Responsable" : "",
                                      active: index < seed.activeMembers, lead: index == 0).create(on: db)
            }
            let regulars = Array(members.prefix(max(seed.activeMembers, seed.averagePresent)))
            for (index, month) in seed.months.enumerated() {
                let day = seed.rule?.day(year: 2025, month: month) ?? FrenchDate.make(2025, month, 15)
                let start = seed.rule?.start ?? 12 * 60, end = seed.rule?.end ?? 13 * 60 + 30
                try await meeting(organisationID: organisationID, groupID: groupID, title: "Réunion \(seed.name)", day: day, start: start, end: end,
                                  present: Array(regulars.rotated(by: index).prefix(seed.averagePresent)), on: db)
            }
        }
        try await loadVolunteering(organisationID: organisationID, people: pool, on: db)
    }

    /// Volunteer time outside meetings, so that the year adds up to the report's 1 500 hours
    /// (896 h come from the meetings above).
    static let volunteering: [(slug: String, activity: String, people: Int, hours: Int, month: Int)] = [
        ("cybersecurite", "Préparation et animation du Hackagou", 20, 10, 10),
        ("numerique-inclusif-durable", "Grande Collecte Numérique : collecte et tri", 15, 12, 9),
        ("formation", "Semaine du numérique : conférences et tables rondes", 12, 8, 11),
        ("conseil-administration", "Organisation de l'AG et des afterworks", 16, 8, 6),
    ]

    static func loadVolunteering(organisationID: UUID, people: [Person], on db: any Database) async throws {
        let groups = try await Group.query(on: db).filter(\.$organisation.$id == organisationID).all()
        for (offset, item) in volunteering.enumerated() {
            guard let group = groups.first(where: { $0.slug == item.slug }) else { continue }
            for person in people.rotated(by: offset * 17).prefix(item.people) {
                try await VolunteerEntry(organisationID: organisationID, personID: try person.requireID(), groupID: group.id, activity: item.activity,
                                         date: FrenchDate.make(2025, item.month, 10), minutes: item.hours * 60, createdBy: nil).create(on: db)
            }
        }
    }

    static func meeting(organisationID: UUID, groupID: UUID, title: String, day: Date, start: Int, end: Int, present: [Person], on db: any Database) async throws {
        let meeting = Meeting(organisationID: organisationID, groupID: groupID, title: title, startsAt: FrenchDate.at(day, minutes: start),
                              endsAt: FrenchDate.at(day, minutes: end), status: .held)
        try await meeting.create(on: db)
        let meetingID = try meeting.requireID()
        for person in present {
            try await Attendance(meetingID: meetingID, personID: try person.requireID(), status: .present).create(on: db)
        }
    }
}

extension Array {
    /// The array started at `offset` (wrapping around).
    func rotated(by offset: Int) -> [Element] {
        guard !isEmpty else { return self }
        let k = ((offset % count) + count) % count
        return Array(self[k...] + self[..<k])
    }
}
