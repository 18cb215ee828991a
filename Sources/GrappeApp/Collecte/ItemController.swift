import Fluent
import GrappeDomain
import Vapor

/// An item's page: its journey, erasure records and the forms its viewer may use: move it on,
/// record an erasure, grade it, assign a refurbisher or a charity, confirm the handover.
enum ItemController {
    static func show(_ req: Request) async throws -> Response {
        let (item, level) = try await ItemAccess.find(req)
        return try await page(req, item, level: level, error: nil)
    }

    static func page(_ req: Request, _ item: CollectItem, level: ItemAccess.Level, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let id = item.id!.uuidString
        let path = Site.itemShow.path(id)
        let moves = try await CollectMove.query(on: req.db).filter(\.$item.$id == item.requireID()).with(\.$user).sort(\.$at).all()
        let records = try await ErasureRecord.query(on: req.db).filter(\.$item.$id == item.requireID()).sort(\.$erasedOn).all()
        let moveRows = moves.filter { $0.from != $0.to }.map { m in
            HTML("<tr><td>\(FrenchDate.dateTime(m.at))</td><td>\(m.from.label) → \(m.to.label)</td><td>\(m.user?.displayName ?? "—")</td><td>\(m.note)</td></tr>")
        }
        let recordRows = records.map { r in
            HTML("<tr><td>\(r.mediaType.label) \(r.mediaSerial)</td><td>\(r.level.label)</td><td>\(r.method.label)</td><td>\(r.tool)</td><td>\(r.verification.label)</td><td>\(r.operatorName)</td><td>\(FrenchDate.short(r.erasedOn))</td></tr>")
        }
        var forms: [HTML] = []
        let canWork = level == .staff || level == .refurbisher
        let targets = CollectItemState.allowedMoves(from: item.state).filter { ItemAccess.mayMove(level, to: $0) }
        if !targets.isEmpty {
            forms.append("""
            <form method="post" action="\(path)/etat" class="inline-form">\(CSRF.hiddenField(req))
            \(Input.select("state", "Passer à", FormState(values: ["state": targets.first!.rawValue]), options: targets.map { ($0.rawValue, $0.label) }))
            \(Input.text("note", "Note", FormState(), maxLength: 300))
            <button class="primary">Enregistrer le passage</button></form>
            """)
        }
        if canWork && CollectService.needsErasure(item.deviceType) && [.received, .diagnosed, .erased].contains(item.state) {
            forms.append(ErasureForm.render(req, action: Site.itemErasure.path(id)))
        }
        if canWork && [.refurbished, .graded].contains(item.state) {
            let s = FormState(values: ["grade": item.grade ?? "", "functional": item.functionalOK.map { $0 ? "1" : "0" } ?? ""])
            forms.append("""
            <form method="post" action="\(path)/classement" class="inline-form">\(CSRF.hiddenField(req))
            \(Input.select("grade", "Grade esthétique", s, options: [("A", "A : quasi neuf"), ("B", "B : traces d'usage"), ("C", "C : marques visibles")], required: true, blank: "—"))
            \(Input.select("functional", "Tests fonctionnels", s, options: [("1", "Réussis"), ("0", "Échoués")], required: true, blank: "—"))
            <button class="secondary">Enregistrer le classement</button></form>
            """)
        }
        if level == .staff { forms.append(try await AssignmentForm.render(req, item: item, action: Site.itemAssign.path(id))) }
        let body: HTML = """
        \(UI.breadcrumbs([("Grande Collecte", level >= .staff || req.viewer.readsEverything ? Site.collecteIndex.path() : nil), ("\(item.campaign.year)", req.viewer.readsEverything ? Site.collecteShow.path(item.campaign.year) : nil), (item.tag, nil)]))
        <h1>\(item.tag) · \(item.deviceType.label) \(UI.badge(item.state.label, item.state.isExit ? "warn" : "info"))</h1>
        \(error.map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") })
        <dl class="facts"><dt>Marque et modèle</dt><dd>\([item.brand, item.model].filter { !$0.isEmpty }.joined(separator: " ").nonEmpty ?? "—")</dd>
        <dt>N° de série</dt><dd>\(item.serial.nonEmpty ?? "—")</dd><dt>Donateur</dt><dd>\(item.pledge.donorName)</dd>
        <dt>Reconditionneur</dt><dd>\(item.refurbisher?.name ?? "—")</dd><dt>Association</dt><dd>\(item.charity?.name ?? "—")</dd>
        <dt>Grade</dt><dd>\(item.grade ?? "—")\(item.functionalOK.map { $0 ? " · tests réussis" : " · tests échoués" } ?? "")</dd></dl>
        \(forms)
        <h2>Effacement des données (NIST SP 800-88)</h2>
        \(!CollectService.needsErasure(item.deviceType) ? HTML("<p>Sans support de stockage : pas d'effacement nécessaire.</p>") : records.isEmpty ? UI.emptyState("Aucun procès-verbal d'effacement.") : HTML("<table class=\"list\"><thead><tr><th>Support</th><th>Niveau</th><th>Méthode</th><th>Outil</th><th>Vérification</th><th>Opérateur</th><th>Date</th></tr></thead><tbody>\(recordRows)</tbody></table>"))
        <h2>Parcours</h2>
        \(moveRows.isEmpty ? UI.emptyState("Promis, pas encore collecté.") : HTML("<table class=\"list\"><thead><tr><th>Quand</th><th>Passage</th><th>Par</th><th>Note</th></tr></thead><tbody>\(moveRows)</tbody></table>"))
        """
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

/// The NIST SP 800-88 record form.
enum ErasureForm {
    static func render(_ req: Request, action: String) -> HTML {
        let s = FormState(values: ["date": FrenchDate.iso(req.now), "level": ErasureLevel.purge.rawValue, "verification": VerificationMethod.full.rawValue])
        return """
        <details class="panel"><summary>Enregistrer l'effacement d'un support de stockage</summary>
        <form method="post" action="\(action)" class="grid-form">\(CSRF.hiddenField(req))
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

    static func draft(_ req: Request) -> ErasureDraft {
        func field(_ key: String) -> String { req.content[String.self, at: key] ?? "" }
        return ErasureDraft(mediaType: StorageMedia(rawValue: field("media")), mediaSerial: field("mediaSerial"), level: ErasureLevel(rawValue: field("level")),
                            method: ErasureMethod(rawValue: field("method")), tool: field("tool"), verification: VerificationMethod(rawValue: field("verification")),
                            operatorName: field("operator"), date: FrenchDate.parse(field("date")))
    }
}

/// Staff choose the refurbisher (a company) and the charity of an item.
enum AssignmentForm {
    static func render(_ req: Request, item: CollectItem, action: String) async throws -> HTML {
        let orgID = try await req.organisationID()
        let companies = try await Company.query(on: req.db).filter(\.$organisation.$id == orgID).sort(\.$name).all()
        let charities = try await Charity.query(on: req.db).filter(\.$organisation.$id == orgID).sort(\.$name).all()
        let s = FormState(values: ["refurbisher": item.$refurbisher.id?.uuidString ?? "", "charity": item.$charity.id?.uuidString ?? ""])
        return """
        <form method="post" action="\(action)" class="inline-form">\(CSRF.hiddenField(req))
        \(Input.select("refurbisher", "Reconditionneur", s, options: companies.map { ($0.id!.uuidString, $0.name) }, blank: "—"))
        \(Input.select("charity", "Association", s, options: charities.map { ($0.id!.uuidString, $0.name) }, blank: "—"))
        <button class="secondary">Affecter</button></form>
        """
    }
}
