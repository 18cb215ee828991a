import Fluent
import GrappeDomain
import Vapor

/// The cluster's partners per year: a public page (no amounts) and the staff's list with the
/// amounts, which the annual report reads too. `PartnerView` draws them.
enum PartnerController {
    static func years(_ db: any Database, organisationID: UUID) async throws -> [Int] {
        Array(Set(try await Partner.query(on: db).filter(\.$organisation.$id == organisationID).all(\.$year))).sorted(by: >)
    }

    static func index(_ req: Request) async throws -> Response {
        let orgID = try await req.organisationID()
        let years = try await years(req.db, organisationID: orgID)
        let year = req.query[Int.self, at: "annee"].flatMap { (2000...2100).contains($0) ? $0 : nil } ?? years.first ?? FrenchDate.year(of: req.now)
        let partners = try await Partner.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$year == year).all()
            .sorted { $0.kind != $1.kind ? $0.kind.rawValue < $1.kind.rawValue : FrenchOrder.precedes($0.name, $1.name) }
        let body = PartnerView.index(year: year, years: years, partners: partners, staff: req.viewer.isStaff, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Partenaires \(year)", body: body)
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        let year = Int(req.content[String.self, at: "year"] ?? "").flatMap { (2000...2100).contains($0) ? $0 : nil }
        let name = FieldCheck.trimmed(req.content[String.self, at: "name"])
        let kind = Partner.Kind(rawValue: req.content[String.self, at: "kind"] ?? "")
        let amountText = FieldCheck.trimmed(req.content[String.self, at: "amount"])
        let amount = amountText.isEmpty ? nil : Money.parse(amountText)
        let website = FieldCheck.trimmed(req.content[String.self, at: "website"]), logo = FieldCheck.trimmed(req.content[String.self, at: "logoURL"])
        let back = "\(Site.partnerIndex.path())?annee=\(year ?? FrenchDate.year(of: req.now))"
        guard let year, let kind, !name.isEmpty, name.count <= 150 else { return req.redirect(to: back, flash: "Organisation et nature sont obligatoires.", .error) }
        guard amountText.isEmpty || amount != nil else { return req.redirect(to: back, flash: "Montant illisible (ex. 1 500 000).", .error) }
        guard (website.isEmpty || FieldCheck.isWebURL(website)) && (logo.isEmpty || FieldCheck.isWebURL(logo)) else {
            return req.redirect(to: back, flash: "Les adresses doivent commencer par https:// ou http://.", .error)
        }
        let p = Partner(organisationID: orgID, year: year, name: name, kind: kind, amount: amount, logoURL: logo, website: website)
        try await req.db.transaction { db in
            try await p.create(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "partner", entityID: p.requireID(), action: "create", changes: ["nom": ("", name)])
        }
        return req.redirect(to: back, flash: "Partenaire ajouté.")
    }

    static func delete(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let orgID = try await req.organisationID()
        guard let p = try await Partner.find(try req.uuidParameter("partnerID"), on: req.db), p.$organisation.id == orgID else { throw Abort(.notFound) }
        try await req.db.transaction { db in
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "partner", entityID: p.requireID(), action: "delete", changes: ["nom": (p.name, "")])
            try await p.delete(on: db)
        }
        return req.redirect(to: "\(Site.partnerIndex.path())?annee=\(p.year)", flash: "Partenaire retiré.")
    }
}
