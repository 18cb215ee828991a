import Fluent
import Foundation
import GrappeDomain

/// What a donor's certificate shows: the pledge (its campaign loaded), its collected items by
/// tag and the erasure records of each.
struct CertificatePage: Sendable {
    let pledge: CollectPledge
    let items: [CollectItem]
    let records: [UUID: [ErasureRecord]]

    static func load(_ db: any Database, pledge p: CollectPledge) async throws -> CertificatePage {
        let items = try await CollectItem.query(on: db).filter(\.$pledge.$id == p.requireID()).filter(\.$state != .pledged).sort(\.$tag).all()
        let records = try await ErasureRecord.query(on: db).filter(\.$item.$id ~~ items.compactMap(\.id)).sort(\.$erasedOn).all()
        return CertificatePage(pledge: p, items: items, records: Dictionary(grouping: records, by: { $0.$item.id }))
    }
}

/// The donor's certificate, printable, drawn without a database: every item by serial and how
/// each storage device was erased (NIST SP 800-88), signed by `org` on `now`.
enum CertificateView {
    static func render(_ page: CertificatePage, org: OrganisationProfile, now: Date) -> HTML {
        let p = page.pledge
        let items = page.items
        let rows = items.map { i -> HTML in
            "<tr><td>\(i.tag)</td><td>\(i.deviceType.label)</td><td>\(ItemView.makeAndModel(i))</td><td>\(i.serial.nonEmpty ?? "—")</td><td>\(erasure(i, page.records[i.id!] ?? []))</td></tr>"
        }
        let erasedCount = items.filter { !CollectService.needsErasure($0.deviceType) || page.records[$0.id!] != nil }.count
        return """
        <article class="printable certificate">
        <p class="no-print"><a class="button print" href="#">Imprimer</a></p>
        <header><p><strong>\(org.fullName)</strong><br>\(org.address)<br>\(org.email) · \(org.phone)</p></header>
        <h1>Certificat d'effacement des données</h1>
        <p>\(org.name) certifie que les matériels ci-dessous, confiés par <strong>\(p.donorName)</strong> dans le cadre de la Grande Collecte Numérique \(p.campaign.year),
        ont été pris en charge et que leurs supports de stockage ont été assainis selon la norme NIST SP 800-88 (niveau Purge ou Destroy), chaque opération étant vérifiée.</p>
        <p>\(French.count(items.count, "matériel collecté", "matériels collectés")), \(French.count(erasedCount, "traité", "traités")) à ce jour.</p>
        \(items.isEmpty ? UI.emptyState("Aucun matériel collecté pour l'instant.") : HTML("<table class=\"list\"><thead><tr><th>Étiquette</th><th>Type</th><th>Modèle</th><th>N° de série</th><th>Effacement</th></tr></thead><tbody>\(rows)</tbody></table>"))
        <p>Fait à Nouméa, le \(FrenchDate.long(now)).</p>
        <p class="signature">\(org.managerName)<br>pour \(org.name)</p>
        </article>
        """
    }

    /// How one item's data was dealt with.
    static func erasure(_ i: CollectItem, _ records: [ErasureRecord]) -> HTML {
        if !CollectService.needsErasure(i.deviceType) { return "Sans support de stockage" }
        if !records.isEmpty {
            return HTML.join(records.map { r in
                HTML("\(r.mediaType.label) n° \(r.mediaSerial) : \(r.level.label), \(r.method.label), \(r.tool), contrôle : \(r.verification.label.lowercased()), par \(r.operatorName) le \(FrenchDate.short(r.erasedOn))")
            }, separator: "<br>")
        }
        return i.state == .recycled ? "Recyclé (destruction en filière agréée)" : "Effacement à venir"
    }
}
