import Fluent
import GrappeDomain
import Vapor

/// An item's page (`ItemPage` read, `ItemView` drawn): its journey, erasure records and the
/// forms its viewer may use: move it on, record an erasure, grade it, assign a refurbisher or a
/// charity, confirm the handover.
enum ItemController {
    static func show(_ req: Request) async throws -> Response {
        let (item, level) = try await ItemAccess.find(req)
        return try await page(req, item, level: level, error: nil)
    }

    static func page(_ req: Request, _ item: CollectItem, level: ItemAccess.Level, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let model = try await ItemPage.load(req.db, item: item, level: level, organisationID: try await req.organisationID(), readsEverything: req.viewer.readsEverything,
                                       donorContact: item.pledge.$donorCompany.id.map(req.viewer.companyIDs.contains) == true)
        let body = ItemView.page(model, error: error, now: req.now, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: item.tag, status: status, body: body)
    }

    static func move(_ req: Request) async throws -> Response {
        let (item, level) = try await ItemAccess.find(req)
        guard let target = CollectItemState(rawValue: req.content[String.self, at: "state"] ?? "") else {
            return try await page(req, item, level: level, error: "État inconnu.", status: .badRequest)
        }
        guard ItemAccess.mayMove(level, to: target) else { throw Abort(.forbidden) }
        do {
            try await CollectService.move(item, to: target, user: req.viewer.user, note: String(FieldCheck.trimmed(req.content[String.self, at: "note"]).prefix(300)), on: req.db)
        } catch let failure as CollectService.Failure {
            return try await page(req, item, level: level, error: failure.description, status: .conflict)
        }
        let back = level == .charity ? Site.portalCharity.path() : Site.itemShow.path(item.id!)
        return req.redirect(to: back, flash: "\(item.tag) : « \(target.label) ».")
    }

    static func erasure(_ req: Request) async throws -> Response {
        let (item, level) = try await ItemAccess.find(req)
        guard level == .staff || level == .refurbisher else { throw Abort(.forbidden) }
        var draft = ErasureForm.draft(req)
        let errors = draft.validate(today: req.now)
        guard errors.isEmpty else {
            return try await page(req, item, level: level, error: "Procès-verbal refusé : " + errors.sorted { $0.key < $1.key }.map(\.value).joined(separator: " "), status: .badRequest)
        }
        do {
            try await CollectService.recordErasure(draft, item: item, user: req.viewer.user, on: req.db)
        } catch let failure as CollectService.Failure {
            return try await page(req, item, level: level, error: failure.description, status: .conflict)
        }
        return req.redirect(to: Site.itemShow.path(item.id!), flash: "Procès-verbal d'effacement enregistré.")
    }

    static func grade(_ req: Request) async throws -> Response {
        let (item, level) = try await ItemAccess.find(req)
        guard level == .staff || level == .refurbisher else { throw Abort(.forbidden) }
        let grade = req.content[String.self, at: "grade"] ?? ""
        let functional = req.content[String.self, at: "functional"] ?? ""
        guard ["A", "B", "C"].contains(grade), ["0", "1"].contains(functional), [.refurbished, .graded].contains(item.state) else {
            return try await page(req, item, level: level, error: "Choisissez un grade (A, B ou C) et le résultat des tests, après reconditionnement.", status: .badRequest)
        }
        item.grade = grade
        item.functionalOK = functional == "1"
        try await item.save(on: req.db)
        return req.redirect(to: Site.itemShow.path(item.id!), flash: "Classement enregistré.")
    }

    /// Staff assign the refurbisher and the charity.
    static func assign(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let (item, _) = try await ItemAccess.find(req)
        let orgID = try await req.organisationID()
        let refurbisher = UUID(uuidString: req.content[String.self, at: "refurbisher"] ?? "")
        let charity = UUID(uuidString: req.content[String.self, at: "charity"] ?? "")
        if let refurbisher, try await Company.find(refurbisher, on: req.db)?.$organisation.id != orgID { throw Abort(.badRequest) }
        if let charity, try await Charity.find(charity, on: req.db)?.$organisation.id != orgID { throw Abort(.badRequest) }
        if item.$charity.id != charity && [.allocated, .handedOver].contains(item.state) {
            return try await page(req, item, level: .staff, error: "Le matériel est déjà attribué : l'association ne change plus.", status: .conflict)
        }
        let before = (item.refurbisher?.name ?? "", item.charity?.name ?? "")
        item.$refurbisher.id = refurbisher
        item.$charity.id = charity
        try await req.db.transaction { db in
            try await item.save(on: db)
            try await CollectMove(itemID: item.requireID(), from: item.state, to: item.state, userID: user.id,
                                  note: "Affectation : reconditionneur \(refurbisher == nil ? "—" : "choisi"), association \(charity == nil ? "—" : "choisie") (avant : \(before.0.nonEmpty ?? "—"), \(before.1.nonEmpty ?? "—"))").create(on: db)
        }
        return req.redirect(to: Site.itemShow.path(item.id!), flash: "Affectation enregistrée.")
    }
}

/// Reads the NIST SP 800-88 record form (`ItemView.erasureForm`).
enum ErasureForm {
    static func draft(_ req: Request) -> ErasureDraft {
        func field(_ key: String) -> String { req.content[String.self, at: key] ?? "" }
        return ErasureDraft(mediaType: StorageMedia(rawValue: field("media")), mediaSerial: field("mediaSerial"), level: ErasureLevel(rawValue: field("level")),
                            method: ErasureMethod(rawValue: field("method")), tool: field("tool"), verification: VerificationMethod(rawValue: field("verification")),
                            operatorName: field("operator"), date: FrenchDate.parse(field("date")))
    }
}
