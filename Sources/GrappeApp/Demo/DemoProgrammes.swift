import Fluent
import GrappeDomain
import Vapor

/// The report's programmes: Les Tremplins du Numérique (89 workshops, 1 640 awareness actions
/// for a target of 1 500), NuméRaï (Fondation Afnic with Collectif Handicaps, 2026–2027) and the
/// digital-maturity diagnostics (41 since July 2022, counted from the diagnostics); and the
/// partners of 2024 and 2025.
enum DemoProgrammes {
    static let tremplinsConsortium = ["ACOR", "ACTECIL", "AdDo", "APID", "CSB", "FAIDYL", "INSIGHT", "FRENCH TECH NC", "GENIUS FORMATIONS",
                                      "GEOCAL", "HR PATH", "IKIGAI", "OFFICE PLUS", "SHOP.NC", "SKAZY", "STRATÉGIE ZEN IT", "VISUALCOM"]
    static let themes = ["Réseaux sociaux", "Cybersécurité au quotidien", "Facturation et paiement en ligne", "Créer son site internet",
                         "Outils collaboratifs", "RGPD pour les TPE", "Le cloud", "Intelligence artificielle", "Bureautique avancée"]

    static func load(organisationID orgID: UUID, on db: any Database) async throws {
        let companies = try await Company.query(on: db).filter(\.$organisation.$id == orgID).all()
        let byName = Dictionary(companies.map { ($0.name, $0.id!) }, uniquingKeysWith: { a, _ in a })
        let consortium = tremplinsConsortium.compactMap { byName[$0] }

        // Les Tremplins du Numérique: 89 workshops, 1 640 participants.
        let tremplins = try await programme(orgID, name: "Les Tremplins du Numérique", status: .done, from: FrenchDate.make(2021, 7, 1), to: FrenchDate.make(2025, 7, 31),
            axes: [.sector, .promotion],
            about: "Financé par BPI France, ce programme sensibilise les TPE et PME calédoniennes aux bienfaits de la transition numérique avec des solutions concrètes pour gagner en efficacité.",
            funders: [("BPI France", nil)],
            partners: [("CCI", "recrutement des TPE/PME"), ("CMA", "recrutement des TPE/PME"), ("MEDEF", "recrutement des TPE/PME"), ("CPME", "recrutement des TPE/PME"),
                       ("FINC", "relais"), ("SCNC", "relais"), ("ANDRH", "relais")],
            consortium: consortium, on: db)
        try await Indicator(programmeID: tremplins, name: "Actions de sensibilisation des TPE/PME", unit: "sensibilisations", target: 1500, source: .participantSum, position: 0).create(on: db)
        let communes = ["Nouméa", "Nouméa", "Nouméa", "Dumbéa", "Le Mont-Dore", "Païta", "Koné", "Bourail", "La Foa", "Koumac", "Lifou", "Poindimié"]
        var actions: [ProgrammeAction] = []
        for i in 0..<89 {
            let a = ProgrammeAction()
            a.$programme.id = tremplins
            a.date = FrenchDate.make(2021, 7, 15).addingTimeInterval(Double(i * 1430 / 89) * 86400)
            a.theme = themes[i % themes.count]
            a.commune = communes[i % communes.count]
            a.$animatorCompany.id = consortium.isEmpty ? nil : consortium[i % consortium.count]
            a.animators = ""
            a.participants = i < 38 ? 19 : 18
            a.audiencesText = AudienceCounts.serialize([Audience.smallBusiness.rawValue: a.participants])
            a.durationMinutes = 120
            a.notes = ""
            actions.append(a)
        }
        try await actions.create(on: db)

        // NuméRaï: ~30 workshops in nine communes, 500 people of whom 250 with a disability.
        let numerai = try await programme(orgID, name: "NuméRaï", status: .running, from: FrenchDate.make(2026, 2, 1), to: FrenchDate.make(2027, 5, 31),
            axes: [.promotion, .network],
            about: "Lauréat de l'appel à projets « le numérique au service d'une société plus équitable » de la Fondation Afnic, avec le Collectif Handicaps : des ateliers concrets pour les personnes éloignées du numérique (zones rurales, handicap, recherche d'emploi).",
            funders: [("Fondation Afnic", nil)], partners: [("Collectif Handicaps", "co-porteur, mobilisation des publics")],
            consortium: Array(consortium.prefix(6)), on: db)
        for (index, item) in [("Participants", "personnes", 500.0, IndicatorSource.participantSum, ""), ("Dont personnes en situation de handicap", "personnes", 250, .audienceSum, Audience.disability.rawValue),
                             ("Ateliers", "ateliers", 30, .actionCount, ""), ("Communes touchées", "communes", 9, .distinctCommunes, "")].enumerated() {
            try await Indicator(programmeID: numerai, name: item.0, unit: item.1, target: item.2, source: item.3, audience: item.4, position: index).create(on: db)
        }
        let numeraiCommunes = ["Nouméa", "Lifou", "Maré", "Ouvéa", "Hienghène", "Koné", "Bourail", "La Foa", "Thio"]
        var workshops: [ProgrammeAction] = []
        for i in 0..<18 {
            let a = ProgrammeAction()
            a.$programme.id = numerai
            a.date = FrenchDate.make(2026, 2, 20).addingTimeInterval(Double(i * 15) * 86400)
            a.theme = ["Premiers pas sur smartphone", "Démarches en ligne", "Chercher un emploi en ligne", "Se protéger des arnaques"][i % 4]
            a.commune = numeraiCommunes[i % numeraiCommunes.count]
            a.$animatorCompany.id = consortium.isEmpty ? nil : consortium[i % min(6, consortium.count)]
            a.animators = ""
            a.participants = 16
            a.audiencesText = AudienceCounts.serialize([Audience.disability.rawValue: 7, Audience.jobSeekers.rawValue: 4, Audience.rural.rawValue: a.commune == "Nouméa" ? 0 : 12])
            a.durationMinutes = 150
            a.notes = ""
            workshops.append(a)
        }
        try await workshops.create(on: db)

        // The digital-maturity diagnostics for Province Sud's grant: 41 since July 2022, counted
        // from the diagnostics themselves (`DemoDiagnostics`), not from typed actions.
        let diagnostics = try await programme(orgID, name: "Diagnostics de maturité numérique", status: .running, from: FrenchDate.make(2022, 7, 1), to: FrenchDate.make(2026, 12, 31),
            axes: [.sector, .business], about: "Un rendez-vous d'une heure pour prioriser la transition numérique d'une entreprise artisanale ou commerciale ; il ouvre droit à l'aide de la province Sud (50 % des dépenses éligibles, dans la limite de 250 000 XPF).",
            funders: [("Province Sud", nil)], partners: [("CMA", "orientation des artisans"), ("CCI", "orientation des commerçants")],
            consortium: ["SHOP.NC", "VISUALCOM"].compactMap { byName[$0] }, on: db)
        try await Indicator(programmeID: diagnostics, name: "Diagnostics réalisés", unit: "diagnostics", target: 45, source: .closedDiagnostics, position: 0).create(on: db)

        for year in [2024, 2025] {
            for (name, kind, amount) in [("Gouvernement de la Nouvelle-Calédonie", Partner.Kind.institution, 6_000_000), ("Province Sud", .institution, 2_500_000),
                                         ("BPI France", .funder, 4_000_000), ("Fondation Afnic", .funder, year == 2025 ? 3_500_000 : 0),
                                         ("NCT&I (New Caledonia Trade & Invest)", .network, 0)] where amount > 0 || kind == .network {
                try await Partner(organisationID: orgID, year: year, name: name, kind: kind, amount: amount > 0 ? amount : nil).create(on: db)
            }
        }
    }

    static func programme(_ orgID: UUID, name: String, status: Programme.Status, from: Date, to: Date, axes: [StrategicAxis], about: String,
                          funders: [(String, Int?)], partners: [(String, String)], consortium: [UUID], on db: any Database) async throws -> UUID {
        let p = Programme(organisationID: orgID)
        p.name = name; p.slug = TextFolding.slug(name); p.about = about; p.status = status; p.startsOn = from; p.endsOn = to
        p.axesText = StrategicAxis.serialize(axes)
        try await p.create(on: db)
        let id = try p.requireID()
        try await funders.map { ProgrammeFunder(programmeID: id, name: $0.0, amount: $0.1) }.create(on: db)
        try await partners.map { ProgrammePartner(programmeID: id, name: $0.0, role: $0.1) }.create(on: db)
        try await consortium.map { ConsortiumMember(programmeID: id, companyID: $0) }.create(on: db)
        return id
    }
}
