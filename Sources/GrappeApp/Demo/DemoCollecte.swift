import Fluent
import GrappeDomain
import Vapor

/// The 2025 Grande Collecte: 920 items from 24 donors, in every state of the chain, with
/// their erasure records, grades, two refurbishers and four charities (one with a login).
enum DemoCollecte {
    static let charityEmail = "association@solidarite-numerique.example"
    static let distribution: [(CollectItemState, Int)] = [
        (.pledged, 20), (.collected, 30), (.received, 30), (.diagnosed, 30), (.erased, 40), (.refurbished, 40), (.graded, 40),
        (.ready, 50), (.allocated, 60), (.handedOver, 520), (.spareParts, 35), (.recycled, 25),
    ]

    static func load(organisationID orgID: UUID, passwordHash: String, now: Date, on db: any Database) async throws {
        let c = CollectCampaign()
        c.$organisation.id = orgID; c.year = 2025; c.name = "La Grande Collecte Numérique"; c.goalItems = 600
        c.aims = "Réduire l'empreinte environnementale\nFavoriser l'inclusion numérique\nStimuler l'économie locale"
        c.startsOn = FrenchDate.make(2025, 4, 1); c.endsOn = FrenchDate.make(2025, 12, 31)
        try await c.create(on: db)
        let campaignID = try c.requireID()
        let charities = [("Solidarité Numérique Calédonie (fictif)", "Nouméa", charityEmail), ("Collectif Handicaps", "Nouméa", "contact@collectif-handicaps.example"),
                         ("Lire et Écrire au Nord (fictif)", "Koné", "contact@lire-ecrire-nord.example"), ("Ensemble à Lifou (fictif)", "Lifou", "contact@ensemble-lifou.example")]
            .map { Charity(organisationID: orgID, name: $0.0, commune: $0.1, email: $0.2) }
        try await charities.create(on: db)
        let login = User(organisationID: orgID, email: charityEmail, passwordHash: passwordHash, role: .charity, displayName: "Solidarité Numérique Calédonie")
        login.$charity.id = charities[0].id
        try await login.create(on: db)

        let companies = try await Company.query(on: db).filter(\.$organisation.$id == orgID).sort(\.$name).all()
        let refurbishers = companies.filter { ["OFFICE PLUS", "ART INFORMATIQUE"].contains($0.name) }.compactMap(\.id)
        let donorCompanies = Array(companies.filter { !$0.name.contains("(fictif)") }.prefix(21))
        var pledges: [CollectPledge] = []
        for (index, donor) in donorCompanies.enumerated() {
            pledges.append(pledge(campaignID, donor: donor.name, companyID: donor.id, email: donor.email, day: 10 + index * 3))
        }
        for (index, name) in ["Gouvernement de la Nouvelle-Calédonie", "Province Sud", "Ville de Nouméa"].enumerated() {
            pledges.append(pledge(campaignID, donor: name, companyID: nil, email: "dsi@\(TextFolding.slug(name)).example", day: 5 + index * 20))
        }
        pledges[pledges.count - 1].pickupOn = nil
        try await pledges.create(on: db)

        var states: [CollectItemState] = []
        for (state, count) in distribution { states += Array(repeating: state, count: count) }
        // The last pledge's items are the ones still only promised.
        let pledgedCount = distribution[0].1
        let collectedStates = Array(states.dropFirst(pledgedCount))
        var items: [CollectItem] = []
        let types: [DeviceType] = [.laptop, .laptop, .laptop, .laptop, .laptop, .laptop, .laptop, .laptop, .laptop, .laptop, .laptop,
                                   .desktop, .desktop, .desktop, .desktop, .desktop, .monitor, .monitor, .monitor, .smartphone]
        let models: [DeviceType: [String]] = [.laptop: ["Dell Latitude 5490", "HP ProBook 450 G6", "Lenovo ThinkPad T480"], .desktop: ["Dell OptiPlex 7060", "HP EliteDesk 800 G4"],
                                              .monitor: ["Dell P2419H", "HP E24"], .smartphone: ["Samsung Galaxy A52", "iPhone 8"]]
        for (index, state) in (collectedStates + Array(repeating: CollectItemState.pledged, count: pledgedCount)).enumerated() {
            let type = index % 97 == 40 ? DeviceType.tablet : types[index % types.count]
            let i = CollectItem()
            i.$campaign.id = campaignID
            i.$pledge.id = state == .pledged ? pledges.last!.id! : pledges[index % (pledges.count - 1)].id!
            i.deviceType = type
            let model = models[type]?[index % (models[type]?.count ?? 1)] ?? "Apple iPad 6"
            i.brand = String(model.split(separator: " ").first ?? ""); i.model = String(model.split(separator: " ").dropFirst().joined(separator: " "))
            i.serial = state == .pledged ? "" : String(format: "SN%07d", 4_210_000 + index * 37)
            i.tag = String(format: "GC2025-%05d", index + 1)
            i.state = state
            let collected = FrenchDate.make(2025, 5, 2).addingTimeInterval(Double(index % 90) * 86400)
            i.collectedAt = state == .pledged ? nil : collected
            let order = state.isExit ? CollectItemState.graded.order : state.order
            if order >= CollectItemState.received.order { i.$refurbisher.id = refurbishers.isEmpty ? nil : refurbishers[index % refurbishers.count] }
            if order >= CollectItemState.graded.order && !state.isExit { i.grade = ["A", "B", "B", "C"][index % 4]; i.functionalOK = true }
            if state == .allocated || state == .handedOver { i.$charity.id = charities[index % charities.count].id }
            i.handedOverAt = state == .handedOver ? collected.addingTimeInterval(Double(30 + index % 60) * 86400) : nil
            i.stateChangedAt = i.handedOverAt ?? (state == .pledged ? FrenchDate.make(2025, 11, 20) : collected.addingTimeInterval(Double(order) * 3 * 86400))
            items.append(i)
        }
        for chunk in stride(from: 0, to: items.count, by: 100) { try await Array(items[chunk..<min(chunk + 100, items.count)]).create(on: db) }

        var records: [ErasureRecord] = []
        var moves: [CollectMove] = []
        for (index, i) in items.enumerated() {
            let previous = CollectItemState.chain.last { $0.order < i.state.order && !$0.isExit } ?? .pledged
            moves.append(CollectMove(itemID: i.id!, from: i.state.isExit ? .graded : previous, to: i.state, userID: nil,
                                     note: "Campagne 2025 (reprise des données)", at: i.stateChangedAt))
            let needsRecord = CollectService.needsErasure(i.deviceType) && i.state != .recycled
                && (i.state.isExit || i.state.order >= CollectItemState.erased.order)
            guard needsRecord else { continue }
            let r = ErasureRecord()
            r.$item.id = i.id!
            r.mediaType = i.deviceType == .smartphone || i.deviceType == .tablet ? .emmc : (index % 3 == 0 ? .hdd : .ssd)
            r.mediaSerial = String(format: "DSK%07d", 8_100_000 + index * 13)
            r.level = .purge
            r.method = r.mediaType == .hdd ? .overwrite : .cryptoErase
            r.tool = r.mediaType == .hdd ? "nwipe 0.35" : "Outil constructeur (Secure Erase)"
            r.verification = index % 10 == 0 ? .full : .sampling
            r.operatorName = index % 2 == 0 ? "Technicien OFFICE PLUS" : "Technicien ART INFORMATIQUE"
            r.erasedOn = (i.collectedAt ?? now).addingTimeInterval(10 * 86400)
            records.append(r)
        }
        for chunk in stride(from: 0, to: moves.count, by: 150) { try await Array(moves[chunk..<min(chunk + 150, moves.count)]).create(on: db) }
        for chunk in stride(from: 0, to: records.count, by: 100) { try await Array(records[chunk..<min(chunk + 100, records.count)]).create(on: db) }
    }

    static func pledge(_ campaignID: UUID, donor: String, companyID: UUID?, email: String, day: Int) -> CollectPledge {
        let p = CollectPledge()
        p.$campaign.id = campaignID
        p.$donorCompany.id = companyID
        p.donorName = donor; p.contactName = "Service informatique"; p.contactEmail = email.isEmpty ? "contact@exemple.nc" : email
        p.pickupAddress = "Nouméa"; p.notes = ""
        p.pickupOn = FrenchDate.make(2025, 4, 1).addingTimeInterval(Double(day) * 86400)
        return p
    }
}
