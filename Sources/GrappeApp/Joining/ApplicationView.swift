import Fluent
import Foundation
import GrappeDomain

/// A join application as its page shows it: the application, the company already holding its
/// RIDET (while pending) and who decided (once decided).
struct ApplicationPage: Sendable {
    let application: MembershipApplication
    let existingCompany: Company?
    let decidedBy: String?

    static func load(_ db: any Database, _ a: MembershipApplication) async throws -> ApplicationPage {
        let existing = a.status == .pending
            ? try await Company.query(on: db).filter(\.$organisation.$id == a.$organisation.id).filter(\.$ridet == a.ridet).first() : nil
        let decidedBy = a.status == .pending ? nil : try await a.$decidedBy.get(on: db)?.displayName
        return ApplicationPage(application: a, existingCompany: existing, decidedBy: decidedBy)
    }
}

/// The applications pages, drawn without a database: the list to decide, and one application
/// with its decision forms (`csrf` is the page's token field).
enum ApplicationView {
    static func list(_ all: [MembershipApplication]) -> HTML {
        let pending = all.filter { $0.status == .pending }
        let decided = all.filter { $0.status != .pending }
        func table(_ list: [MembershipApplication]) -> HTML {
            let rows = list.map { a -> HTML in
                """
                <tr><td>\(a.createdAt.map(FrenchDate.short) ?? "—")</td><td><a href="\(Site.applicationsShow.path(a.id!))">\(a.companyName)</a></td>
                <td>\(a.category.label)</td><td class="num">\(a.headcount)</td><td>\(a.commune)</td><td>\(a.applicantName)</td>
                <td>\(a.feeQuoted > 0 ? UI.xpf(a.feeQuoted) : "—")</td><td>\(UI.badge(a.status.label, a.status == .pending ? "warn" : a.status == .approved ? "ok" : "muted"))</td></tr>
                """
            }
            return "<table class=\"list\"><thead><tr><th>Reçue</th><th>Entreprise</th><th>Catégorie</th><th>Effectif</th><th>Commune</th><th>Titulaire</th><th>Cotisation</th><th>État</th></tr></thead><tbody>\(rows)</tbody></table>"
        }
        return """
        <h1>Demandes d'adhésion</h1>
        <h2>À décider</h2>
        \(pending.isEmpty ? UI.emptyState("Aucune demande en attente.", action: "<a href=\"\(Site.joinForm.path())\">Voir le formulaire public</a>") : table(pending))
        <h2>Décidées</h2>
        \(decided.isEmpty ? UI.emptyState("Aucune demande décidée pour l'instant.") : table(decided))
        """
    }

    static func page(_ model: ApplicationPage, form: FormState, csrf: HTML) -> HTML {
        let a = model.application
        let decision: HTML
        if a.status == .pending {
            decision = """
            <section class="panel"><h2>Décision</h2>\(form.summary)
            \(model.existingCompany.map { c in HTML("<p class=\"flash flash-error\" role=\"alert\">Ce RIDET est déjà celui de <a href=\"\(Site.memberShow.path(c.id!))\">\(c.name)</a>. Accepter rattache le demandeur à cette entreprise (sa fiche n'est pas modifiée) : vérifiez d'abord qu'il la représente.</p>") })
            <form method="post" action="\(Site.applicationsApprove.path(a))" class="stack" data-confirm="Enregistrer l'adhésion, l'accès et l'appel de cotisation ?">\(csrf)
            \(model.existingCompany == nil ? HTML.empty : Input.checkbox("linkExisting", "J'ai vérifié que le demandeur représente cette entreprise", checked: false))
            <button class="primary">Accepter l'adhésion</button></form>
            <form method="post" action="\(Site.applicationsDecline.path(a))" class="stack">\(csrf)
            \(Input.textarea("reason", "Motif du refus (envoyé au demandeur)", form, maxLength: 2000))
            <button class="danger">Refuser la demande</button></form></section>
            """
        } else {
            let who = model.decidedBy ?? "—"
            decision = """
            <section class="panel"><h2>\(a.status.label)</h2>
            <p>Le \(a.decidedAt.map(FrenchDate.long) ?? "—") par \(who).</p>
            \(a.decisionReason.isEmpty ? .empty : HTML("<p class=\"pre\">\(a.decisionReason)</p>"))
            \(a.$company.id.map { HTML("<p><a class=\"button\" href=\"\(Site.memberShow.path($0))\">Fiche de l'adhérent</a></p>") })</section>
            """
        }
        return """
        \(UI.breadcrumbs([("Demandes d'adhésion", Site.applicationsIndex.path()), (a.companyName, nil)]))
        <h1>\(a.companyName) \(UI.badge(a.status.label, a.status == .pending ? "warn" : "info"))</h1>
        \(form.errors.filter { $0.key != "reason" || a.status != .pending }.values.sorted().map { message -> HTML in "<p class=\"flash flash-error\" role=\"alert\">\(message)</p>" })
        <div class="columns"><dl class="facts">
        <dt>Raison sociale</dt><dd>\(a.legalName.isEmpty ? "—" : a.legalName)</dd><dt>RIDET</dt><dd>\(a.ridet)</dd>
        <dt>Catégorie</dt><dd>\(a.category.label)</dd><dt>Effectif</dt><dd>\(a.headcount) salariés</dd>
        <dt>Commune</dt><dd>\(a.commune)</dd><dt>Adresse</dt><dd>\(a.address.isEmpty ? "—" : a.address)</dd>
        <dt>Site</dt><dd>\(a.website.isEmpty ? "—" : a.website)</dd><dt>Contact</dt><dd>\(a.companyEmail) \(a.companyPhone)</dd>
        <dt>Domaines</dt><dd>\(a.domainList.joined(separator: ", "))</dd>
        <dt>Cotisation \(a.year) indiquée</dt><dd>\(a.feeQuoted > 0 ? UI.xpf(a.feeQuoted) : "barème non publié")</dd>
        </dl><dl class="facts">
        <dt>Titulaire</dt><dd>\(a.applicantName)\(a.role.isEmpty ? "" : ", \(a.role)")</dd>
        <dt>E-mail</dt><dd>\(a.email)</dd><dt>Téléphone</dt><dd>\(a.phone.isEmpty ? "—" : a.phone)</dd>
        <dt>Engagements</dt><dd>\(a.commitments)</dd><dt>Reçue le</dt><dd>\(a.createdAt.map(FrenchDate.dateTime) ?? "—")</dd>
        </dl></div>
        <h2>Activité</h2><div class="prose">\(HTML.markdown(a.about))</div>
        \(decision)
        """
    }
}
