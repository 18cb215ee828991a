import Fluent
import Foundation
import Vapor

/// The staff's choice of an edition's sponsors among the cluster's partners, on the edition's
/// page; a partner that is not the organisation's, or too many ticked, is refused on that page
/// with the boxes as they were ticked.
enum CTFSponsorController {
    static func save(_ req: Request) async throws -> Response {
        let e = try await CTFAdminController.find(req)
        let editionID = try e.requireID()
        let typed = req.content[[String].self, at: "sponsors"] ?? []
        let chosen = Set(typed.compactMap(UUID.init(uuidString:)))
        let partners = try await CTFSponsors.partners(req.db, organisationID: e.$organisation.id)
        let names = Dictionary(partners.compactMap { p in p.id.map { ($0, p.name) } }) { a, _ in a }
        let known = Set(names.keys)
        var problem: String?
        if chosen.count != Set(typed).count || !chosen.isSubset(of: known) { problem = "Partenaire inconnu : choisissez dans la liste des partenaires du cluster." }
        else if chosen.count > CTFSponsors.maximum { problem = "\(CTFSponsors.maximum) partenaires au plus par édition." }
        if let problem {
            return try await CTFAdminController.editionPage(req, e, form: CTFEditionForm(e).form,
                                                            sponsors: .init(chosen: chosen, error: problem), status: .badRequest)
        }
        let before = try await CTFSponsors.ids(req.db, editionID: editionID)
        let list = { (ids: Set<UUID>) in ids.compactMap { names[$0] }.sorted().joined(separator: ", ") }
        let change = (list(before), list(chosen))
        let user = req.viewer.user
        try await req.db.transaction { db in
            try await CTFSponsors.replace(chosen, editionID: editionID, on: db)
            try await Audit.record(on: db, organisationID: e.$organisation.id, user: user, entity: "ctf_edition", entityID: CTFAuditID.of(editionID),
                                   action: "update", changes: ["partenaires": change])
        }
        return req.redirect(to: Site.ctfAdminEdition.path(e), flash: chosen.isEmpty ? "Aucun partenaire pour \(e.title)." : "Partenaires de \(e.title) enregistrés (\(chosen.count)).")
    }
}
