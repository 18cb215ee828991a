import Fluent
import GrappeDomain
import Vapor

/// The donor's certificate: every item of the pledge by serial, and how each storage device
/// was erased (NIST SP 800-88). Printable; staff, board and the donor company's contacts.
enum CertificateController {
    static func show(_ req: Request) async throws -> Response {
        _ = try req.requireUser()
        let p = try await PledgeController.find(req)
        guard req.viewer.readsEverything || p.$donorCompany.id.map(req.viewer.companyIDs.contains) == true else { throw Abort(.forbidden) }
        let org = try await req.organisation()
        let items = try await CollectItem.query(on: req.db).filter(\.$pledge.$id == p.requireID()).filter(\.$state != .pledged).sort(\.$tag).all()
        let records = try await ErasureRecord.query(on: req.db).filter(\.$item.$id ~~ items.compactMap(\.id)).sort(\.$erasedOn).all()
        let byItem = Dictionary(grouping: records, by: { $0.$item.id })
        let rows = items.map { i -> HTML in
            let erasure: HTML
            if !CollectService.needsErasure(i.deviceType) {
                erasure = "Sans support de stockage"
            } else if let list = byItem[i.id!], !list.isEmpty {
                erasure = HTML.join(list.map { r in
                    HTML("\(r.mediaType.label) n° \(r.mediaSerial) : \(r.level.label), \(r.method.label), \(r.tool), contrôle : \(r.verification.label.lowercased()), par \(r.operatorName) le \(FrenchDate.short(r.erasedOn))")
                }, separator: "<br>")
            } else if i.state == .recycled {
                erasure = "Recyclé (destruction en filière agréée)"
            } else {
                erasure = "Effacement à venir"
            }
            return "<tr><td>\(i.tag)</td><td>\(i.deviceType.label)</td><td>\([i.brand, i.model].filter { !$0.isEmpty }.joined(separator: " ").nonEmpty ?? "—")</td><td>\(i.serial.nonEmpty ?? "—")</td><td>\(erasure)</td></tr>"
        }
        let erasedCount = items.filter { !CollectService.needsErasure($0.deviceType) || byItem[$0.id!] != nil }.count
        let body: HTML = """
        <article class="printable certificate">
        <p class="no-print"><a class="button print" href="#">Imprimer</a></p>
        <header><p><strong>\(org.fullName)</strong><br>\(org.address)<br>\(org.email) · \(org.phone)</p></header>
        <h1>Certificat d'effacement des données</h1>
        <p>\(org.name) certifie que les matériels ci-dessous, confiés par <strong>\(p.donorName)</strong> dans le cadre de la Grande Collecte Numérique \(p.campaign.year),
        ont été pris en charge et que leurs supports de stockage ont été assainis selon la norme NIST SP 800-88 (niveau Purge ou Destroy), chaque opération étant vérifiée.</p>
        <p>\(items.count) matériel(s) collecté(s), \(erasedCount) traité(s) à ce jour.</p>
        \(items.isEmpty ? UI.emptyState("Aucun matériel collecté pour l'instant.") : HTML("<table class=\"list\"><thead><tr><th>Étiquette</th><th>Type</th><th>Modèle</th><th>N° de série</th><th>Effacement</th></tr></thead><tbody>\(rows)</tbody></table>"))
        <p>Fait à Nouméa, le \(FrenchDate.long(req.now)).</p>
        <p class="signature">\(org.managerName)<br>pour \(org.name)</p>
        </article>
        """
        return try await Layout.page(req, title: "Certificat d'effacement · \(p.donorName)", body: body)
    }
}
