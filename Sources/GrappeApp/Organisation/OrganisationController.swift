import Fluent
import GrappeDomain
import Vapor

/// The cluster's own details, printed on calls for dues and receipts and shown in the footer;
/// `OrganisationView` draws the settings page.
enum OrganisationController {
    static let fields: [OrganisationView.Field] = [
        ("name", "Nom court", 80, true), ("fullName", "Nom complet", 200, true), ("address", "Adresse", 300, false),
        ("email", "E-mail", 254, true), ("phone", "Téléphone", 25, false), ("website", "Site web", 200, false),
        ("managerName", "Signataire des reçus", 120, false),
    ]

    static func values(_ org: OrganisationProfile) -> [String: String] {
        ["name": org.name, "fullName": org.fullName, "address": org.address, "email": org.email, "phone": org.phone,
         "website": org.website, "managerName": org.managerName]
    }

    static func edit(_ req: Request) async throws -> Response {
        try req.require(.staff)
        return try await page(req, form: FormState(values: values(try await req.organisation())))
    }

    static func page(_ req: Request, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let body = OrganisationView.settings(fields: fields, form: form, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Le cluster", status: status, body: body)
    }

    static func save(_ req: Request) async throws -> Response {
        let staff = try req.require(.staff)
        var form = FormState()
        for f in fields {
            let value = (req.content[String.self, at: f.key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            form.values[f.key] = value
            if f.required && value.isEmpty { form.errors[f.key] = "Ce champ est obligatoire." }
            else if value.count > f.limit { form.errors[f.key] = "\(f.limit) caractères au maximum." }
        }
        if form.errors["email"] == nil && !FieldCheck.isEmail(form["email"]) { form.errors["email"] = "Adresse e-mail invalide." }
        if form.errors["phone"] == nil && !form["phone"].isEmpty && !FieldCheck.isPhone(form["phone"]) { form.errors["phone"] = "Numéro de téléphone invalide." }
        guard form.errors.isEmpty else { return try await page(req, form: form, status: .badRequest) }
        let org = try await Organisation.find(try await req.organisationID(), on: req.db)!
        let before = values(try OrganisationProfile(org))
        org.name = form["name"]; org.fullName = form["fullName"]; org.address = form["address"]; org.email = form["email"]
        org.phone = form["phone"]; org.website = form["website"]; org.managerName = form["managerName"]
        try await req.db.transaction { db in
            try await org.save(on: db)
            try await Audit.record(on: db, organisationID: try org.requireID(), user: staff, entity: "organisation", entityID: try org.requireID(),
                                   action: "update", changes: Audit.diff(before, values(try OrganisationProfile(org))))
        }
        req.application.forgetOrganisation()
        return req.redirect(to: Site.organisationEdit.path(), flash: "Coordonnées du cluster enregistrées.")
    }
}
