import Fluent
import GrappeDomain
import Vapor

/// The Grande Collecte's changes: pledges, collection, moves along the chain (checked by
/// `CollectItemState.check`), erasure records, grading and allocation. Each in one
/// transaction; every move is kept with its time and author.
enum CollectService {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// One line of a pledge: « laptop ; 3 ; Dell Latitude 5490 ».
    struct PledgeLine: Sendable { let type: DeviceType; let quantity: Int; let model: String }

    /// Reads pledge lines; nil with a French message for the first bad line.
    static func lines(_ text: String) -> Result<[PledgeLine], Failure> {
        var out: [PledgeLine] = []
        for (index, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let parts = raw.split(separator: ";", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !parts.allSatisfy(\.isEmpty) else { continue }
            guard let first = parts.first, let type = DeviceType(rawValue: first) ?? DeviceType.allCases.first(where: { TextFolding.fold($0.label) == TextFolding.fold(first) }) else {
                return .failure(Failure(description: "Ligne \(index + 1) : type inconnu « \(parts.first ?? "") » (\(DeviceType.allCases.map(\.label).joined(separator: ", ")))."))
            }
            let quantity = parts.count > 1 ? Int(parts[1]) : 1
            guard let quantity, (1...500).contains(quantity) else { return .failure(Failure(description: "Ligne \(index + 1) : quantité entre 1 et 500 attendue.")) }
            out.append(PledgeLine(type: type, quantity: quantity, model: parts.count > 2 ? String(parts[2].prefix(120)) : ""))
        }
        guard !out.isEmpty else { return .failure(Failure(description: "Indiquez au moins un matériel (une ligne par type).")) }
        guard out.map(\.quantity).reduce(0, +) <= 2000 else { return .failure(Failure(description: "2 000 matériels au plus par promesse.")) }
        return .success(out)
    }

    /// Creates the pledge and one item per unit, each in the « promis » state with a tag.
    static func pledge(campaign: CollectCampaign, donorCompanyID: UUID?, donorName: String, contactName: String, contactEmail: String,
                       address: String, notes: String, lines: [PledgeLine], user: User?, on db: any Database) async throws -> CollectPledge {
        try await db.transaction { db in
            let p = CollectPledge()
            p.$campaign.id = try campaign.requireID()
            p.$donorCompany.id = donorCompanyID
            p.donorName = donorName; p.contactName = contactName; p.contactEmail = contactEmail
            p.pickupAddress = address; p.notes = notes
            try await p.create(on: db)
            var sequence = try await CollectItem.query(on: db).filter(\.$campaign.$id == campaign.requireID()).count()
            for line in lines {
                for _ in 0..<line.quantity {
                    sequence += 1
                    let item = CollectItem()
                    item.$campaign.id = try campaign.requireID(); item.$pledge.id = try p.requireID()
                    item.deviceType = line.type; item.brand = ""; item.model = line.model; item.serial = ""
                    item.tag = String(format: "GC%d-%05d", campaign.year, sequence)
                    item.state = .pledged; item.stateChangedAt = Date()
                    try await item.create(on: db)
                    try await CollectMove(itemID: item.requireID(), from: .pledged, to: .pledged, userID: user?.id, note: "Promesse de \(donorName)").create(on: db)
                }
            }
            return p
        }
    }

    /// Screens hold no data: they need no erasure record.
    static func needsErasure(_ type: DeviceType) -> Bool { type != .monitor }

    static func hasErasure(_ item: CollectItem, on db: any Database) async throws -> Bool {
        guard needsErasure(item.deviceType) else { return true }
        return try await ErasureRecord.query(on: db).filter(\.$item.$id == item.requireID()).count() > 0
    }

    /// Moves an item, or throws the rule's message.
    static func move(_ item: CollectItem, to target: CollectItemState, user: User?, note: String, on db: any Database, now: Date = Date()) async throws {
        let problem = CollectItemState.check(from: item.state, to: target, hasErasureRecord: try await hasErasure(item, on: db),
                                             hasGrade: item.grade != nil && item.functionalOK != nil, hasCharity: item.$charity.id != nil)
        if let problem { throw Failure(description: problem) }
        try await db.transaction { db in
            let from = item.state
            item.state = target
            item.stateChangedAt = now
            if target == .collected { item.collectedAt = now }
            if target == .handedOver { item.handedOverAt = now }
            try await item.save(on: db)
            try await CollectMove(itemID: item.requireID(), from: from, to: target, userID: user?.id, note: note, at: now).create(on: db)
        }
    }

    static func recordErasure(_ draft: ErasureDraft, item: CollectItem, user: User?, on db: any Database) async throws {
        guard let media = draft.mediaType, let level = draft.level, let method = draft.method, let verification = draft.verification, let date = draft.date else {
            throw Failure(description: "Procès-verbal incomplet.")
        }
        guard [.diagnosed, .erased].contains(item.state) || item.state == .received else {
            throw Failure(description: "L'effacement s'enregistre entre la réception et le passage en « données effacées » (état actuel : « \(item.state.label) »).")
        }
        let r = ErasureRecord()
        r.$item.id = try item.requireID(); r.mediaType = media; r.mediaSerial = draft.mediaSerial; r.level = level; r.method = method
        r.tool = draft.tool; r.verification = verification; r.operatorName = draft.operatorName; r.erasedOn = date; r.$user.id = user?.id
        try await r.create(on: db)
    }
}
