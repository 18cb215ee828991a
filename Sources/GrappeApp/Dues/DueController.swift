import Fluent
import GrappeDomain
import Vapor

/// One due: its page, payments, adjustment, and the printable call and receipt.
enum DueController {
    struct Loaded {
        let due: Due
        let summary: DueSummary
        let company: Company
        let holder: Person?
    }

    /// Loads a due the viewer may read (staff, board, or a contact of its company).
    static func load(_ req: Request) async throws -> Loaded {
        let id = try req.uuidParameter("dueID")
        guard let due = try await Due.find(id, on: req.db), due.$organisation.id == (try await req.organisationID()),
              let summary = try await DueQueries.summary(req.db, dueID: id) else { throw Abort(.notFound) }
        try req.requireCompanyRead(due.$company.id)
        guard let company = try await Company.find(due.$company.id, on: req.db) else { throw Abort(.notFound) }
        let membership = try await Membership.find(due.$membership.id, on: req.db)
        let holder = try await membership?.$holder.get(on: req.db)
        return Loaded(due: due, summary: summary, company: company, holder: holder)
    }

    static func show(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        return try await page(req, loaded, payment: FormState(values: ["paidOn": FrenchDate.iso(req.now), "amount": String(max(0, loaded.summary.balance)), "method": "transfer"]),
                              adjust: FormState(values: ["amount": String(loaded.due.amount)]))
    }

    static func page(_ req: Request, _ loaded: Loaded, payment: FormState, adjust: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let payments = try await Payment.query(on: req.db).filter(\.$due.$id == loaded.due.requireID()).sort(\.$paidOn).all()
        let trail = req.viewer.isStaff ? try await AuditViews.trail(on: req.db, entityIDs: [try loaded.due.requireID()]) : []
        let bank = try await PaymentSettings.of(loaded.due.$organisation.id, on: req.db).details
        let reference = loaded.due.paymentReference(try await req.organisation())
        return try await Layout.page(req, title: "Cotisation \(loaded.due.number)", status: status,
                                     body: DueView.render(loaded, payments: payments, payment: payment, adjust: adjust, trail: trail,
                                                    staff: req.viewer.isStaff, dashboardLink: req.viewer.readsEverything,
                                                    now: req.now, csrf: CSRF.hiddenField(req), bank: bank, reference: reference))
    }

    static func pay(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let loaded = try await load(req)
        let id = try loaded.due.requireID()
        var form = FormState(values: ["paidOn": req.content[String.self, at: "paidOn"] ?? "", "amount": req.content[String.self, at: "amount"] ?? "",
                                      "method": req.content[String.self, at: "method"] ?? "", "reference": req.content[String.self, at: "reference"] ?? ""])
        let amount = Money.parse(form["amount"])
        if let problem = Money.problem(form["amount"]) { form.errors["amount"] = problem }
        let date = FrenchDate.parse(form["paidOn"])
        if date == nil { form.errors["paidOn"] = "Date invalide." } else if let date, date > req.now.addingTimeInterval(86400) {
            form.errors["paidOn"] = "La date de paiement ne peut pas être dans le futur."
        }
        let method = PaymentMethod(rawValue: form["method"])
        if method == nil { form.errors["method"] = "Mode de paiement inconnu." }
        let reference = form["reference"].trimmingCharacters(in: .whitespaces)
        if reference.count > 100 { form.errors["reference"] = "100 caractères au maximum." }
        if form.errors.isEmpty, let amount, let date, let method {
            do {
                try await DuesService.recordPayment(dueID: id, amount: amount, paidOn: date, method: method, reference: reference,
                                                    organisationID: loaded.due.$organisation.id, user: user, on: req.db)
                return req.redirect(to: Site.dueShow.path(id), flash: "Paiement de \(Money.xpf(amount)) enregistré.")
            } catch let failure as DuesService.Failure {
                form.errors["amount"] = failure.description
            }
        }
        return try await page(req, loaded, payment: form, adjust: FormState(values: ["amount": String(loaded.due.amount)]), status: .badRequest)
    }

    static func adjust(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let loaded = try await load(req)
        let id = try loaded.due.requireID()
        var form = FormState(values: ["amount": req.content[String.self, at: "amount"] ?? "", "reason": req.content[String.self, at: "reason"] ?? ""])
        let reason = form["reason"].trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.count > 500 { form.errors["reason"] = "500 caractères au maximum." }
        if let amount = Money.parse(form["amount"]) {
            if form.errors.isEmpty {
                do {
                    try await DuesService.adjust(dueID: id, newAmount: amount, reason: reason, organisationID: loaded.due.$organisation.id, user: user, on: req.db)
                    return req.redirect(to: Site.dueShow.path(id), flash: "Montant ajusté à \(Money.xpf(amount)).")
                } catch let failure as DuesService.Failure {
                    form.errors[failure.description.contains("motif") ? "reason" : "adjustAmount"] = failure.description
                }
            }
        } else {
            form.errors["adjustAmount"] = Money.problem(form["amount"])
        }
        return try await page(req, loaded, payment: FormState(values: ["paidOn": FrenchDate.iso(req.now), "amount": String(max(0, loaded.summary.balance)), "method": "transfer"]),
                              adjust: form, status: .badRequest)
    }

    static func cancelPayment(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let loaded = try await load(req)
        let dueID = try loaded.due.requireID()
        let paymentID = try req.uuidParameter("paymentID")
        let reason = (req.content[String.self, at: "reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let path = Site.dueShow.path(dueID)
        guard reason.count <= 500 else { return req.redirect(to: path, flash: "Motif : 500 caractères au maximum.", .error) }
        do {
            try await DuesService.cancelPayment(paymentID: paymentID, dueID: dueID, reason: reason, organisationID: loaded.due.$organisation.id, user: user, on: req.db)
            return req.redirect(to: path, flash: "Paiement annulé.")
        } catch let failure as DuesService.Failure {
            return req.redirect(to: path, flash: failure.description, .error)
        }
    }

    static func printCall(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        let org = try await req.organisation()
        return try await Layout.page(req, title: "Appel de cotisation \(loaded.due.number)", body: DuePrintView.call(loaded, org: org, bank: try await PaymentSettings.of(loaded.due.$organisation.id, on: req.db).details))
    }

    static func printReceipt(_ req: Request) async throws -> Response {
        let loaded = try await load(req)
        guard loaded.summary.paid > 0 else {
            return req.redirect(to: Site.dueShow.path(try loaded.due.requireID()), flash: "Aucun paiement : pas de reçu à imprimer.", .error)
        }
        let payments = try await Payment.query(on: req.db).filter(\.$due.$id == loaded.due.requireID()).sort(\.$paidOn).all()
        let org = try await req.organisation()
        return try await Layout.page(req, title: "Reçu \(loaded.due.number)", body: DuePrintView.receipt(loaded, payments: payments, org: org, today: req.now))
    }
}
