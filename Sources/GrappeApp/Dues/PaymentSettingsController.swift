import Fluent
import GrappeDomain
import Vapor

/// The cluster's bank details (Réglages › Coordonnées bancaires): IBAN checked with its
/// mod-97 digits and, for a French-layout IBAN (NC, FR…), the RIB key inside it.
enum PaymentSettingsController {
    static func values(_ s: PaymentSettings) -> [String: String] {
        ["iban": BankAccount.printedIBAN(s.iban), "bic": s.bic, "bankName": s.bankName, "accountHolder": s.accountHolder]
    }

    static func edit(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let settings = try await PaymentSettings.of(try await req.organisationID(), on: req.db)
        return try await page(req, form: FormState(values: values(settings)))
    }

    static func page(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let prefix = PaymentReference.prefix(from: try await req.organisation().name)
        return try await Layout.page(req, title: "Coordonnées bancaires", status: status,
                                     body: PaymentSettingsView.form(form, example: PaymentReference(prefix: prefix, number: DueNumber(year: FrenchDate.year(of: req.now), sequence: 42)),
                                                                    csrf: CSRF.hiddenField(req)))
    }

    static func save(_ req: Request) async throws -> Response {
        let staff = try req.require(.staff)
        var form = FormState()
        for key in ["iban", "bic", "bankName", "accountHolder"] {
            form.values[key] = (req.content[String.self, at: key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if form["iban"].isEmpty { form.errors["iban"] = "Ce champ est obligatoire." } else if let problem = BankAccount.ibanProblem(form["iban"]) { form.errors["iban"] = problem }
        let bic = form["bic"].uppercased().filter { !$0.isWhitespace }
        if !bic.isEmpty && (!(bic.count == 8 || bic.count == 11) || !bic.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })) {
            form.errors["bic"] = "BIC invalide : 8 ou 11 lettres et chiffres (ex. BNPANCNX)."
        }
        for (key, limit) in [("bankName", 120), ("accountHolder", 120)] {
            if form[key].isEmpty { form.errors[key] = "Ce champ est obligatoire." } else if form[key].count > limit { form.errors[key] = "\(limit) caractères au maximum." }
        }
        guard form.errors.isEmpty else { return try await page(req, form: form, status: .badRequest) }
        let orgID = try await req.organisationID()
        let typed = form
        try await req.db.transaction { db in
            let settings = try await PaymentSettings.of(orgID, on: db)
            let before = settings.id == nil ? [:] : values(settings)
            settings.iban = BankAccount.compactIBAN(typed["iban"]); settings.bic = bic
            settings.bankName = typed["bankName"]; settings.accountHolder = typed["accountHolder"]
            try await settings.save(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: staff, entity: "payment_settings", entityID: try settings.requireID(),
                                   action: "update", changes: Audit.diff(before, values(settings)))
        }
        return req.redirect(to: Site.paymentSettingsEdit.path(), flash: "Coordonnées bancaires enregistrées.")
    }
}
