import Fluent
import Foundation
import GrappeDomain
import SQLKit

/// The report's 41 diagnostics since July 2022 (10 of them in 2025), each closed with answers to
/// questionnaire v1 drawn by a seeded generator and scored by the domain's rules
/// (`DiagnosticEvaluation`, `Diagnostic.close`): craft and retail businesses and a few others,
/// mostly in the Province Sud; four follow-ups of a business seen 7 to 10 months earlier; the
/// Province Sud's grant asked, granted or refused for the eligible ones. Then the two requests
/// waiting for an appointment. The questionnaire and catalogue come from bootstrap; the
/// advisors are the staff and the people of the diagnostics programme's consortium
/// (`DemoProgrammes` runs first).
enum DemoDiagnostics {
    struct Business {
        let name: String
        let activity: BusinessActivity
        let commune: String
        let headcount: Int
        let contact: (first: String, last: String)
    }

    static let businesses: [Business] = [
        .init(name: "Boulangerie Les Délices de Magenta", activity: .craft, commune: "Nouméa", headcount: 6, contact: ("Sandrine", "Wénéhoua")),
        .init(name: "Épicerie fine Le Comptoir du Quai", activity: .retail, commune: "Nouméa", headcount: 4, contact: ("Julien", "Marchand")),
        .init(name: "Menuiserie du Koutio", activity: .craft, commune: "Dumbéa", headcount: 4, contact: ("Kévin", "Tuilalo")),
        .init(name: "Librairie du Centre-Ville", activity: .retail, commune: "Nouméa", headcount: 7, contact: ("Hélène", "Dubois")),
        .init(name: "Salon de coiffure Belle Vallée", activity: .craft, commune: "Le Mont-Dore", headcount: 3, contact: ("Vaiana", "Teriitehau")),
        .init(name: "Quincaillerie de Dumbéa-sur-Mer", activity: .retail, commune: "Dumbéa", headcount: 10, contact: ("Patrick", "Naisseline")),
        .init(name: "Gîte de la Ouenghi", activity: .other, commune: "Bouloupari", headcount: 2, contact: ("Martine", "Leroux")),
        .init(name: "Ébénisterie de la Tontouta", activity: .craft, commune: "Païta", headcount: 2, contact: ("Sione", "Falelavaki")),
        .init(name: "Fleuriste Tiaré et Orchidées", activity: .retail, commune: "Le Mont-Dore", headcount: 2, contact: ("Linda", "Nguyen")),
        .init(name: "Garage Ducos Services", activity: .craft, commune: "Nouméa", headcount: 8, contact: ("Éric", "Boulet")),
        .init(name: "Supérette de Bourail Plage", activity: .retail, commune: "Bourail", headcount: 8, contact: ("Nadia", "Ounou")),
        .init(name: "Ferronnerie de Bourail", activity: .craft, commune: "Bourail", headcount: 4, contact: ("Gilles", "Moreau")),
        .init(name: "Magasin de sport Lagon Glisse", activity: .retail, commune: "Nouméa", headcount: 5, contact: ("Teva", "Mahé")),
        .init(name: "Sculptures de Hnathalo", activity: .craft, commune: "Lifou", headcount: 2, contact: ("Wassissi", "Hnaune")),
        .init(name: "Boucherie de La Foa", activity: .craft, commune: "La Foa", headcount: 6, contact: ("Alain", "Grangé")),
        .init(name: "Caviste Les Vins du Pacifique", activity: .retail, commune: "Nouméa", headcount: 3, contact: ("Claire", "Fontaine")),
        .init(name: "Plomberie Calédo Dépannage", activity: .craft, commune: "Dumbéa", headcount: 5, contact: ("Tomasi", "Kulimoetoke")),
        .init(name: "Opticien Vision Sud", activity: .retail, commune: "Païta", headcount: 4, contact: ("Stéphanie", "Bui")),
        .init(name: "Cabinet de kinésithérapie du Koutio", activity: .other, commune: "Dumbéa", headcount: 4, contact: ("Romain", "Castel")),
        .init(name: "Pâtisserie Le Flamboyant", activity: .craft, commune: "Nouméa", headcount: 5, contact: ("Mireille", "Païta")),
        .init(name: "Animalerie du Mont-Dore", activity: .retail, commune: "Le Mont-Dore", headcount: 3, contact: ("Yannick", "Tein")),
        .init(name: "Garage de Koné", activity: .craft, commune: "Koné", headcount: 5, contact: ("Joseph", "Goa")),
        .init(name: "Prêt-à-porter Mode Tropicale", activity: .retail, commune: "Nouméa", headcount: 5, contact: ("Aline", "Siwene")),
        .init(name: "Savonnerie du Caillou", activity: .craft, commune: "Bouloupari", headcount: 3, contact: ("Émilie", "Rocher")),
        .init(name: "Jouets et Compagnie", activity: .retail, commune: "Nouméa", headcount: 4, contact: ("Franck", "Lavigne")),
        .init(name: "Électricité Générale du Sud", activity: .craft, commune: "Le Mont-Dore", headcount: 7, contact: ("Damien", "Wamytan")),
        .init(name: "Vanille de Tadine", activity: .retail, commune: "Maré", headcount: 2, contact: ("Suzanne", "Cawa")),
        .init(name: "Transports Païta Fret", activity: .other, commune: "Païta", headcount: 12, contact: ("Laurent", "Vendégou")),
        .init(name: "Bijouterie Nacre et Corail", activity: .craft, commune: "Nouméa", headcount: 2, contact: ("Isabelle", "Tran")),
        .init(name: "Station et bazar de Thio", activity: .retail, commune: "Thio", headcount: 6, contact: ("Roch", "Pidjot")),
        .init(name: "Poterie de Farino", activity: .craft, commune: "Farino", headcount: 1, contact: ("Annick", "Berger")),
        .init(name: "Le Bon Coin du Pêcheur", activity: .retail, commune: "Koumac", headcount: 3, contact: ("Marcel", "Poadja")),
        .init(name: "Imprimerie Sérigraphie Océane", activity: .craft, commune: "Nouméa", headcount: 6, contact: ("Océane", "Lafleur")),
        .init(name: "Carrosserie Païta Express", activity: .craft, commune: "Païta", headcount: 9, contact: ("Malakai", "Tuifua")),
        .init(name: "Agence de voyages Îles et Lagons", activity: .other, commune: "Nouméa", headcount: 5, contact: ("Corinne", "Hamel")),
        .init(name: "Institut de beauté Vaimiti", activity: .craft, commune: "Nouméa", headcount: 2, contact: ("Vaimiti", "Colombani")),
        .init(name: "Atelier de couture Manou", activity: .craft, commune: "La Foa", headcount: 1, contact: ("Manou", "Tidjine")),
    ]

    /// The slot of a follow-up → the slot of the diagnostic it follows (7 to 10 months earlier).
    static let followUps: [Int: Int] = [12: 3, 22: 14, 33: 24, 38: 28]
    static let count = 41

    /// The day of the `slot`-th diagnostic: every month or so from 20 July 2022, never a weekend.
    static func day(_ slot: Int) -> Date {
        let day = FrenchDate.make(2022, 7, 20).addingTimeInterval(Double(slot * 1200 / count) * 86_400)
        let weekday = FrenchDate.calendar.component(.weekday, from: day)
        return weekday == 7 ? day.addingTimeInterval(2 * 86_400) : (weekday == 1 ? day.addingTimeInterval(86_400) : day)
    }

    static let notes: [DiagnosticDimension: [String]] = [
        .strategy: ["Le gérant veut vendre en ligne d'ici un an mais n'a pas encore chiffré le projet.",
                    "Priorité annoncée : la facturation électronique, pour gagner du temps le soir."],
        .readiness: ["Un seul ordinateur partagé, connexion 4G en secours.", "Logiciel de caisse récent, pas encore relié à la comptabilité."],
        .humanCentric: ["Les salariés utilisent leurs téléphones personnels ; aucune formation suivie.", "Une salariée motivée pourrait devenir la référente numérique."],
        .data: ["Sauvegardes sur une clé USB, sans copie hors du magasin.", "Fichier clients sur tableur, jamais exploité."],
        .automation: ["Commandes fournisseurs encore passées par téléphone."],
        .green: ["Le matériel usagé est gardé en réserve : orienter vers la Grande Collecte."],
    ]

    static func load(organisationID orgID: UUID, now: Date, on db: any Database) async throws {
        try await loadClosed(organisationID: orgID, on: db)
        try await loadWaiting(organisationID: orgID, now: now, on: db)
    }

    static func loadClosed(organisationID orgID: UUID, on db: any Database) async throws {
        guard let version = try await QuestionnaireVersion.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$version == 1).first() else { return }
        let questionnaire = try version.questionnaire()
        let catalogue = try await DiagnosticCatalogueQueries.actions(db, organisationID: orgID)
        let rules = try await DiagnosticSettings.of(orgID, on: db).grantRules
        let advisors = try await DiagnosticQueries.advisors(db, organisationID: orgID)
        var rng = DemoRandom(seed: 2022_07)
        var requests: [DiagnosticRequest] = [], diagnostics: [Diagnostic] = [], received: [(UUID, Date)] = []
        var maturity: [Int: Double] = [:], businessOf: [Int: Int] = [:]
        var nextBusiness = 0, eligibleSeen = 0
        for slot in 0..<count {
            let earlierSlot = followUps[slot]
            let b: Int
            if let earlierSlot { b = businessOf[earlierSlot]! } else { b = nextBusiness; nextBusiness += 1 }
            businessOf[slot] = b
            let business = businesses[b]
            // A follow-up has mostly progressed since; the last one slipped a little.
            let level = earlierSlot.map { maturity[$0]! + (slot == 38 ? -0.04 : 0.1 + rng.unit() * 0.12) } ?? (0.08 + rng.unit() * 0.84)
            maturity[slot] = level
            let starts = FrenchDate.at(day(slot), minutes: slot % 2 == 0 ? 9 * 60 : 14 * 60)

            let r = request(orgID, business, index: b, at: starts, consent: slot % 8 != 5)
            requests.append(r)
            received.append((r.id!, starts.addingTimeInterval(-Double(15 + slot % 20) * 86_400)))

            let d = Diagnostic(organisationID: orgID, requestID: r.id!, questionnaireID: try version.requireID(), startsAt: starts)
            d.id = UUID()
            if !advisors.isEmpty {
                let advisor = advisors[slot % advisors.count].key.split(separator: ":")
                if advisor.first == "user" { d.$advisorUser.id = UUID(uuidString: String(advisor[1])) } else { d.$advisorPerson.id = UUID(uuidString: String(advisor[1])) }
            }
            let byDimension = Dictionary(uniqueKeysWithValues: DiagnosticDimension.allCases.map { ($0, min(1, max(0, level + rng.unit() * 0.3 - 0.15))) })
            let answers = DemoDiagnosticAnswers.draw(questionnaire, activity: business.activity, maturity: byDimension, using: &rng)
            if let problem = questionnaire.closingProblem(answers, activity: business.activity) { throw DemoAnswersError(problem: problem) }
            try d.store(answers: answers)
            if slot % 3 == 0 {
                let picked = DiagnosticDimension.allCases[(slot / 3) % 6]
                let texts = notes[picked] ?? []
                if !texts.isEmpty { try d.store(notes: [picked: texts[slot % texts.count]]) }
            }
            let evaluation = DiagnosticEvaluation(diagnostic: d, request: r, questionnaire: questionnaire, catalogue: catalogue, rules: rules)
            d.close(with: evaluation.result, at: starts.addingTimeInterval(Diagnostic.duration), follows: earlierSlot.map { diagnostics[$0] })
            if evaluation.grant.isEligible, evaluation.grant.amount > 0 {
                recordGrant(d, estimate: evaluation.grant.amount, turn: eligibleSeen, recent: slot >= count - 3)
                eligibleSeen += 1
            }
            diagnostics.append(d)
        }
        try await requests.create(on: db)
        try await diagnostics.create(on: db)
        // Requests arrive a few weeks before their appointment (`created_at` is stamped at insert).
        let cases = received.map { id, at -> SQLQueryString in "WHEN \(bind: id) THEN \(bind: at) " }.joined()
        try await db.sql.raw("UPDATE diagnostic_requests SET created_at = CASE id \(cases)END WHERE id IN (\(binds: received.map(\.0)))").run()
    }

    /// Asked and still waiting for the last ones, refused for one in seven, granted otherwise
    /// (85 to 100 % of the estimate, in thousands of francs).
    static func recordGrant(_ d: Diagnostic, estimate: Int, turn: Int, recent: Bool) {
        let closed = d.closedAt!
        if recent {
            d.grantStatus = .asked
            d.grantOn = closed.addingTimeInterval(10 * 86_400)
        } else if turn % 7 == 3 {
            d.grantStatus = .refused
            d.grantOn = closed.addingTimeInterval(50 * 86_400)
        } else {
            d.grantStatus = .granted
            d.grantAmount = max(1000, estimate * (85 + (turn * 5) % 16) / 100 / 1000 * 1000)
            d.grantOn = closed.addingTimeInterval(Double(40 + turn % 20) * 86_400)
        }
    }

    static func request(_ orgID: UUID, _ b: Business, index: Int, at starts: Date, consent: Bool) -> DiagnosticRequest {
        let r = DiagnosticRequest()
        r.id = UUID()
        r.$organisation.id = orgID
        r.companyName = b.name
        r.ridet = String(format: "%07d.001", 1_200_000 + index * 7_919)
        r.activity = b.activity
        r.activityDetails = b.activity == .other ? b.name.components(separatedBy: " ").first ?? "" : ""
        r.commune = b.commune
        r.headcount = b.headcount
        r.contactName = "\(b.contact.first) \(b.contact.last)"
        r.contactEmail = "\(TextFolding.slug(b.contact.first))@\(TextFolding.slug(b.name)).example"
        r.contactPhone = String(format: "%02d.%02d.%02d", 40 + index, (index * 17) % 100, (index * 31) % 100)
        r.slots = DiagnosticRequestDraft.slotText(starts)
        r.message = ""
        r.statisticsConsent = consent
        r.consentWording = consent ? DiagnosticRequestForm.consentWording : ""
        r.consentAt = consent ? starts.addingTimeInterval(-20 * 86_400) : nil
        r.status = .done
        return r
    }

    /// Two requests waiting to be planned, with slots in the coming weeks, so that the staff's
    /// list has something to plan.
    static func loadWaiting(organisationID: UUID, now: Date, on db: any Database) async throws {
        let requests: [(String, String, BusinessActivity, String, Int, String, String)] = [
            ("Boulangerie du Col", "1012345.001", .craft, "Mont-Dore", 4, "Léa Tein", "lea@boulangerie-du-col.example"),
            ("Quincaillerie de Koné", "1023456", .retail, "Koné", 7, "Paul Wamytan", "paul@quincaillerie-kone.example"),
        ]
        for (index, (company, ridet, activity, commune, headcount, contact, email)) in requests.enumerated() {
            let r = DiagnosticRequest()
            r.$organisation.id = organisationID
            r.companyName = company
            r.ridet = ridet
            r.activity = activity
            r.activityDetails = ""
            r.commune = commune
            r.headcount = headcount
            r.contactName = contact
            r.contactEmail = email
            r.contactPhone = ""
            let day = now.addingTimeInterval(Double(7 + index * 3) * 86_400)
            r.slots = [FrenchDate.at(day, minutes: 9 * 60), FrenchDate.at(day, minutes: 14 * 60)].map(DiagnosticRequestDraft.slotText).joined(separator: "\n")
            r.message = ""
            r.statisticsConsent = index == 0
            r.consentWording = index == 0 ? DiagnosticRequestForm.consentWording : ""
            r.consentAt = index == 0 ? now : nil
            r.status = .waiting
            try await r.create(on: db)
        }
    }
}

/// The demo drew answers the questionnaire does not accept (a bug of the demo, said in French).
struct DemoAnswersError: Error {
    let problem: String
}
