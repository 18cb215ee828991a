import Fluent
import Foundation
import GrappeDomain

/// The items, drawn without a database: the list's filters and table (staff, refurbisher and
/// pledge pages) and an item's page with the forms its viewer may use (`ItemPage`).
enum ItemView {
    static func filters(_ f: ItemFilter, action: String) -> HTML {
        let s = FormState(values: f.params)
        return """
        <form method="get" action="\(action)" class="filters" role="search">
        \(Input.select("etat", "État", s, options: CollectItemState.allCases.map { ($0.rawValue, $0.label) }, blank: "Tous"))
        \(Input.select("type", "Type", s, options: DeviceType.allCases.map { ($0.rawValue, $0.label) }, blank: "Tous"))
        \(Input.text("q", "Étiquette, série ou modèle", s, type: "search", maxLength: 60))
        <button class="primary">Filtrer</button></form>
        """
    }

    /// The items with their pledge, refurbisher and charity loaded.
    static func table(_ items: [CollectItem]) -> HTML {
        guard !items.isEmpty else { return UI.emptyState("Aucun matériel ne correspond.") }
        let rows = items.map { i in
            HTML("""
            <tr><td><a href="\(Site.itemShow.path(i.id!))">\(i.tag)</a></td><td>\(i.deviceType.label)</td><td>\(i.model.nonEmpty ?? "—")</td>
            <td>\(i.serial.nonEmpty ?? "—")</td><td>\(i.state.label)</td><td>\(i.pledge.donorName)</td><td>\(i.refurbisher?.name ?? "—")</td><td>\(i.charity?.name ?? "—")</td></tr>
            """)
        }
        return "<table class=\"list\"><thead><tr><th>Étiquette</th><th>Type</th><th>Modèle</th><th>N° de série</th><th>État</th><th>Donateur</th><th>Reconditionneur</th><th>Association</th></tr></thead><tbody>\(rows)</tbody></table>"
    }

    /// `error`: why the last change was refused; `now`: the erasure form's default date.
    static func page(_ page: ItemPage, error: String?, now: Date, csrf: HTML) -> HTML {
        let item = page.item
        let level = page.level
        let id = item.id!.uuidString
        let moveRows = page.moves.filter { $0.from != $0.to }.map { m in
            HTML("<tr><td>\(FrenchDate.dateTime(m.at))</td><td>\(m.from.label) → \(m.to.label)</td><td>\(m.user?.displayName ?? "—")</td><td>\(m.note)</td></tr>")
        }
        let recordRows = page.records.map { r in
            HTML("<tr><td>\(r.mediaType.label) \(r.mediaSerial)</td><td>\(r.level.label)</td><td>\(r.method.label)</td><td>\(r.tool)</td><td>\(r.verification.label)</td><td>\(r.operatorName)</td><td>\(FrenchDate.short(r.erasedOn))</td></tr>")
        }
        var forms: [HTML] = []
        let canWork = level == .staff || level == .refurbisher
        let targets = page.allowedMoves
        if !targets.isEmpty {
            forms.append("""
            <form method="post" action="\(Site.itemMove.path(id))" class="inline-form">\(csrf)
            \(Input.select("state", "Passer à", FormState(), options: targets.map { ($0.rawValue, $0.label) }, required: true, blank: "—"))
            \(Input.text("note", "Note", FormState(), maxLength: 300))
            <button class="primary">Enregistrer le passage</button></form>
            """)
        }
        if canWork && CollectService.needsErasure(item.deviceType) && [.received, .diagnosed, .erased].contains(item.state) {
            forms.append(erasureForm(action: Site.itemErasure.path(id), now: now, csrf: csrf))
        }
        if canWork && [.refurbished, .graded].contains(item.state) {
            let s = FormState(values: ["grade": item.grade ?? "", "functional": item.functionalOK.map { $0 ? "1" : "0" } ?? ""])
            forms.append("""
            <form method="post" action="\(Site.itemGrade.path(id))" class="inline-form">\(csrf)
            \(Input.select("grade", "Grade esthétique", s, options: [("A", "A : quasi neuf"), ("B", "B : traces d'usage"), ("C", "C : marques visibles")], required: true, blank: "—"))
            \(Input.select("functional", "Tests fonctionnels", s, options: [("1", "Réussis"), ("0", "Échoués")], required: true, blank: "—"))
            <button class="secondary">Enregistrer le classement</button></form>
            """)
        }
        if level == .staff { forms.append(assignmentForm(page, action: Site.itemAssign.path(id), csrf: csrf)) }
        return """
        \(UI.breadcrumbs([("Grande Collecte", level >= .staff || page.readsEverything ? Site.collecteIndex.path() : nil), ("\(item.campaign.year)", page.readsEverything ? Site.collecteShow.path(item.campaign.year) : nil), (item.tag, nil)]))
        <h1>\(item.tag) · \(item.deviceType.label) \(UI.badge(item.state.label, item.state.isExit ? "warn" : "info"))</h1>
        \(error.map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") })
        <dl class="facts"><dt>Marque et modèle</dt><dd>\(makeAndModel(item))</dd>
        <dt>N° de série</dt><dd>\(item.serial.nonEmpty ?? "—")</dd><dt>Donateur</dt><dd>\(item.pledge.donorName)</dd>
        <dt>Reconditionneur</dt><dd>\(item.refurbisher?.name ?? "—")</dd><dt>Association</dt><dd>\(item.charity?.name ?? "—")</dd>
        <dt>Grade</dt><dd>\(item.grade ?? "—")\(item.functionalOK.map { $0 ? " · tests réussis" : " · tests échoués" } ?? "")</dd></dl>
        \(links(page))
        \(forms)
        <h2>Effacement des données (NIST SP 800-88)</h2>
        \(!CollectService.needsErasure(item.deviceType) ? HTML("<p>Sans support de stockage : pas d'effacement nécessaire.</p>") : page.records.isEmpty ? UI.emptyState("Aucun procès-verbal d'effacement.") : HTML("<table class=\"list\"><thead><tr><th>Support</th><th>Niveau</th><th>Méthode</th><th>Outil</th><th>Vérification</th><th>Opérateur</th><th>Date</th></tr></thead><tbody>\(recordRows)</tbody></table>"))
        <h2>Parcours</h2>
        \(moveRows.isEmpty ? UI.emptyState("Promis, pas encore collecté.") : HTML("<table class=\"list\"><thead><tr><th>Quand</th><th>Passage</th><th>Par</th><th>Note</th></tr></thead><tbody>\(moveRows)</tbody></table>"))
        """
    }

    /// The item's pledge (staff and board) and the donor's erasure certificate (staff, board
    /// and the donor company's contacts: `CertificateController`'s rule).
    static func links(_ page: ItemPage) -> HTML {
        var links: [HTML] = []
        let pledgeID = page.item.$pledge.id
        if page.readsEverything { links.append("<a class=\"button\" href=\"\(Site.pledgeShow.path(pledgeID))\">Promesse de \(page.item.pledge.donorName)</a>") }
        if page.readsEverything || page.donorContact { links.append("<a class=\"button\" href=\"\(Site.certificateShow.path(pledgeID))\">Certificat d'effacement du donateur</a>") }
        return links.isEmpty ? "" : "<div class=\"actions\">\(links)</div>"
    }

    /// « Dell Latitude 5490 », or a dash when neither is known.
    static func makeAndModel(_ i: CollectItem) -> String {
        [i.brand, i.model].filter { !$0.isEmpty }.joined(separator: " ").nonEmpty ?? "—"
    }

    /// The NIST SP 800-88 record form, dated `now` by default.
    static func erasureForm(action: String, now: Date, csrf: HTML) -> HTML {
        let s = FormState(values: ["date": FrenchDate.iso(now), "level": ErasureLevel.purge.rawValue, "verification": VerificationMethod.full.rawValue])
        return """
        <details class="panel"><summary>Enregistrer l'effacement d'un support de stockage</summary>
        <form method="post" action="\(action)" class="grid-form">\(csrf)
        \(Input.select("media", "Support", s, options: StorageMedia.allCases.map { ($0.rawValue, $0.label) }, required: true, blank: "—"))
        \(Input.text("mediaSerial", "N° de série du support", s, required: true, maxLength: 100))
        \(Input.select("level", "Niveau", s, options: ErasureLevel.allCases.map { ($0.rawValue, $0.label) }, required: true))
        \(Input.select("method", "Méthode", s, options: ErasureMethod.allCases.map { ($0.rawValue, $0.label) }, required: true, blank: "—"))
        \(Input.text("tool", "Outil et version", s, required: true, maxLength: 120))
        \(Input.select("verification", "Vérification", s, options: VerificationMethod.allCases.map { ($0.rawValue, $0.label) }, required: true))
        \(Input.text("operator", "Opérateur", s, required: true, maxLength: 120))
        \(Input.text("date", "Date", s, type: "date", required: true))
        <button class="primary">Enregistrer le procès-verbal</button></form></details>
        """
    }

    /// Staff choose the refurbisher (a company) and the charity of an item.
    static func assignmentForm(_ page: ItemPage, action: String, csrf: HTML) -> HTML {
        let item = page.item
        let s = FormState(values: ["refurbisher": item.$refurbisher.id?.uuidString ?? "", "charity": item.$charity.id?.uuidString ?? ""])
        return """
        <form method="post" action="\(action)" class="inline-form">\(csrf)
        \(Input.select("refurbisher", "Reconditionneur", s, options: page.companies.map { ($0.id!.uuidString, $0.name) }, blank: "—"))
        \(Input.select("charity", "Association", s, options: page.charities.map { ($0.id!.uuidString, $0.name) }, blank: "—"))
        <button class="secondary">Affecter</button></form>
        """
    }
}
