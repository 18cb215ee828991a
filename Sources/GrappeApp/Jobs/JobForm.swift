import Fluent
import GrappeDomain
import Vapor

/// The job offer form, shared by creation and editing.
enum JobForm {
    static let fields = ["companyID", "title", "kind", "contract", "commune", "description", "howToApply", "expiresOn"]

    static func values(from req: Request) -> [String: String] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0, FieldCheck.trimmed(req.content[String.self, at: $0])) })
    }

    static func values(of offer: JobOffer) -> [String: String] {
        ["companyID": offer.$company.id.uuidString, "title": offer.title, "kind": offer.kind.rawValue, "contract": offer.contract.rawValue,
         "commune": offer.commune, "description": offer.about, "howToApply": offer.howToApply,
         "expiresOn": FrenchDate.iso(offer.expiresAt.addingTimeInterval(-1))]
    }

    /// Validates `form`; on success copies it onto `offer` (the company is checked by the caller).
    static func apply(_ form: inout FormState, to offer: JobOffer, now: Date) -> Bool {
        var draft = JobDraft()
        draft.title = form["title"]; draft.kind = form["kind"]; draft.contract = form["contract"]; draft.commune = form["commune"]
        draft.description = form["description"]; draft.howToApply = form["howToApply"]; draft.expiresOn = form["expiresOn"]
        let expiry = FrenchDate.parse(form["expiresOn"])
        let today = FrenchDate.calendar.startOfDay(for: now)
        form.errors.merge(draft.validate(expiry: expiry, today: today)) { a, _ in a }
        guard form.errors.isEmpty, let expiry, let kind = JobKind(rawValue: draft.kind), let contract = JobContract(rawValue: draft.contract),
              let commune = Communes.canonical(draft.commune) else { return false }
        offer.title = draft.title
        offer.kind = kind
        offer.contract = contract
        offer.commune = commune
        offer.about = draft.description
        offer.howToApply = draft.howToApply
        offer.expiresAt = FrenchDate.calendar.date(byAdding: .day, value: 1, to: expiry) ?? expiry
        return true
    }

    static func render(_ req: Request, action: String, form: FormState, companies: [Company]) -> HTML {
        """
        \(form.summary)
        <form method="post" action="\(action)" class="stack">
        \(CSRF.hiddenField(req))
        \(Input.select("companyID", "Entreprise", form, options: companies.map { ($0.id!.uuidString, $0.name) }, required: true))
        \(Input.text("title", "Intitulé du poste", form, required: true, maxLength: 150))
        \(Input.select("kind", "Type", form, options: JobKind.allCases.map { ($0.rawValue, $0.label) }, required: true, blank: "Choisir…"))
        \(Input.select("contract", "Contrat", form, options: JobContract.allCases.map { ($0.rawValue, $0.label) }, required: true, blank: "Choisir…"))
        \(Input.select("commune", "Lieu", form, options: Communes.inFrenchOrder.map { ($0, $0) }, required: true, blank: "Choisir…"))
        \(Input.textarea("description", "Description (Markdown : **gras**, listes, liens)", form, maxLength: 8000))
        \(Input.text("howToApply", "Comment postuler", form, required: true, maxLength: 500, hint: "Adresse e-mail, lien ou personne à contacter"))
        \(Input.text("expiresOn", "En ligne jusqu'au", form, type: "date", required: true, hint: "L'offre disparaît d'elle-même après cette date (6 mois au plus)."))
        <button class="primary">Publier</button>
        </form>
        """
    }
}
