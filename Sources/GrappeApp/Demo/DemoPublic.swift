import Fluent
import GrappeDomain
import Vapor

/// Demo data for the public site: directory freshness, three non-member professionals, news,
/// job offers, a pending join application and two newsletter subscribers.
enum DemoPublic {
    static let nonMembers: [(name: String, commune: String, headcount: Int, domains: [String], about: String)] = [
        ("Lagon Cyber Sécurité (fictif)", "Nouméa", 4, ["Cybersécurité"],
         "Audit de sécurité, tests d'intrusion et sensibilisation des équipes à la cybersécurité pour les PME calédoniennes."),
        ("Atelier Web du Nord (fictif)", "Koné", 2, ["Développement web et mobile"],
         "Création de sites internet et d'applications pour les commerces et associations de la province Nord."),
        ("Data Calédonie Conseil (fictif)", "Dumbéa", 12, ["Data et informatique décisionnelle"],
         "Tableaux de bord, entrepôts de données et accompagnement à la gouvernance de la donnée."),
    ]

    static func load(organisationID orgID: UUID, now: Date, on db: any Database) async throws {
        // Verification dates spread over three years: the oldest come first in the staff list.
        let companies = try await Company.query(on: db).filter(\.$organisation.$id == orgID).sort(\.$name).all()
        for (index, company) in companies.enumerated() {
            company.verifiedAt = index % 7 == 0 ? nil : now.addingTimeInterval(-Double((index * 37) % 1000) * 86400)
            try await company.save(on: db)
        }
        for entry in nonMembers {
            var draft = CompanyDraft()
            draft.name = entry.name; draft.commune = entry.commune; draft.headcount = String(entry.headcount)
            draft.domains = entry.domains; draft.description = entry.about; draft.publicProfile = true
            draft.email = "contact@\(TextFolding.slug(entry.name).replacingOccurrences(of: "-fictif", with: "")).example"
            _ = try await MemberService.save(draft, company: nil, organisationID: orgID, user: nil, on: db, verifiedOn: now)
        }
        let staff = try await User.query(on: db).filter(\.$email == DemoData.managerEmail).first()
        let member = try await User.query(on: db).filter(\.$email == DemoData.memberEmail).first()
        let skazy = try await Company.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$name == "SKAZY").first()
        for (index, post) in [
            ("Retour sur l'assemblée générale 2025", "L'assemblée générale s'est tenue en présence des adhérents.\n\n- bilan moral et financier approuvés ;\n- feuille de route 2026 : **NumériBoost**, Grande Collecte, NuméRaï et Hackagou.\n\nMerci à toutes et tous !"),
            ("La Grande Collecte Numérique continue", "Entreprises et administrations, confiez-nous vos ordinateurs inutilisés : ils sont effacés selon la norme NIST 800-88, reconditionnés puis donnés à des associations.\n\nPlus d'informations : [open.nc](https://www.open.nc)."),
        ].enumerated() {
            let p = NewsPost(organisationID: orgID, authorID: staff?.id, companyID: nil)
            p.title = post.0; p.body = post.1; p.slug = TextFolding.slug(post.0)
            p.status = .published; p.publishedAt = now.addingTimeInterval(-Double(20 + index * 30) * 86400)
            try await p.create(on: db)
        }
        if let skazy, let member {
            let p = NewsPost(organisationID: orgID, authorID: member.id, companyID: skazy.id)
            p.title = "SKAZY recrute et lance une nouvelle offre"
            p.body = "Notre équipe s'agrandit : nous lançons une offre d'accompagnement à la transformation numérique des TPE."
            p.slug = TextFolding.slug(p.title)
            try await p.create(on: db)
            let offer = JobOffer(organisationID: orgID, companyID: try skazy.requireID(), postedBy: member.id)
            offer.title = "Développeur·se full-stack"; offer.kind = .job; offer.contract = .permanent; offer.commune = "Nouméa"
            offer.about = "Vous rejoignez une équipe de six personnes pour concevoir des applications web pour nos clients calédoniens.\n\n- Swift ou TypeScript côté serveur\n- bases de données relationnelles"
            offer.howToApply = "Envoyez CV et lettre à recrutement@skazy.example"
            offer.expiresAt = now.addingTimeInterval(60 * 86400)
            try await offer.create(on: db)
        }
        if let other = companies.first(where: { $0.name != "SKAZY" && !$0.name.contains("(fictif)") }) {
            let offer = JobOffer(organisationID: orgID, companyID: try other.requireID(), postedBy: staff?.id)
            offer.title = "Stage : assistant·e support informatique"; offer.kind = .internship; offer.contract = .internship; offer.commune = other.commune
            offer.about = "Stage de trois mois au sein de l'équipe support : accueil des demandes, installation de postes, documentation."
            offer.howToApply = "Candidature par e-mail à \(other.email)"
            offer.expiresAt = now.addingTimeInterval(45 * 86400)
            try await offer.create(on: db)
        }
        let a = MembershipApplication()
        a.$organisation.id = orgID; a.year = FrenchDate.year(of: now)
        a.companyName = "Nouvelle Vague Numérique (fictif)"; a.legalName = "Nouvelle Vague Numérique SARL (fictif)"; a.ridet = "9990999.001"
        a.address = "5 rue de l'Exemple"; a.commune = "Nouméa"; a.website = ""; a.companyEmail = "contact@nouvelle-vague.example"; a.companyPhone = ""
        a.about = "Agence de communication digitale créée en 2026."; a.headcount = 3; a.category = .core; a.domains = "Communication et design"
        a.firstName = "Léa"; a.lastName = "EXEMPLE (fictif)"; a.email = "lea@nouvelle-vague.example"; a.phone = ""; a.role = "Gérante"; a.gender = .female
        a.feeQuoted = try await JoinQuote.compute(db, organisationID: orgID, category: .core, headcount: 3, today: now)?.amount ?? 0
        a.commitments = JoinForm.commitmentsWording; a.status = .pending; a.decisionReason = ""
        try await a.create(on: db)
        try await Consent.record(on: db, organisationID: orgID, email: a.email, purpose: "membership_charter", wording: JoinForm.commitmentsWording)
        for email in ["lecteur.un@exemple.nc", "lectrice.deux@exemple.nc"] {
            let row = Subscriber(organisationID: orgID, email: email, status: .confirmed, publicList: true)
            row.confirmedAt = now
            try await row.create(on: db)
            try await Consent.record(on: db, organisationID: orgID, email: email, purpose: "newsletter", wording: NewsletterService.consentWording)
        }
    }
}
