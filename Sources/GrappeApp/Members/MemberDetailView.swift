import FluentKit
import Foundation
import GrappeDomain

/// A company's page, drawn without a request: its details, contacts, memberships and dues.
/// `staff`: the access buttons, the membership form, the resignation and the change history;
/// `canEdit`: the staff or the company's contacts (edit the profile, add and remove contacts);
/// `listLink`: whether the breadcrumb links to the list of members (for who reads every company);
/// `mine`: the reader is a contact of this company and sees their member services;
/// `renewal`: the renewal panel (`RenewalPanelView`) for such a reader, when there is one.
/// `now` gives the membership form's year when the company has none.
enum MemberDetailView {
    static func render(company: Company, domains: [String], memberships: [Membership], dues: [DueSummary],
                       contacts: [CompanyContact], loginsByPerson: [UUID: User], trail: [AuditEntry],
                       staff: Bool, canEdit: Bool, listLink: Bool, mine: Bool, renewal: HTML = .empty, now: Date, csrf: HTML) -> HTML {
        let id = company.id!.uuidString
        let current = memberships.first
        let details: [(String, HTML)] = [
            ("Raison sociale", "\(company.legalName.isEmpty ? "—" : company.legalName)"),
            ("RIDET", "\(company.ridet ?? "—")"),
            ("Adresse", "\([company.address, company.commune].filter { !$0.isEmpty }.joined(separator: ", ").nonEmpty ?? "—")"),
            ("Site web", company.website.isEmpty ? "—" : "<a href=\"\(company.website)\" rel=\"noopener nofollow\">\(company.website)</a>"),
            ("E-mail", "\(company.email.isEmpty ? "—" : company.email)"),
            ("Téléphone", "\(company.phone.isEmpty ? "—" : company.phone)"),
            ("Effectif", "\(company.headcount) salarié\(company.headcount > 1 ? "s" : "")"),
            ("Domaines", "\(domains.isEmpty ? "—" : domains.joined(separator: ", "))"),
            ("Profil public", company.publicProfile
                ? "Oui : <a href=\"\(Site.directoryShow.path(company.slug))\">voir la fiche de l'annuaire</a> (\(company.verifiedAt.map { "vérifiée le \(FrenchDate.short($0))" } ?? "jamais vérifiée"))"
                : "Non (absente de l'annuaire)"),
        ]
        let dl = details.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" as HTML }
        let membershipRows = memberships.map { m -> HTML in
            "<tr><td>\(m.year)</td><td>\(m.category.label)</td><td>\(m.status.label)</td><td>\(FrenchDate.short(m.startDate))</td><td>\(m.endDate.map(FrenchDate.short) ?? "—")</td><td>\(m.holder?.fullName ?? "—")</td></tr>"
        }
        let dueRows = dues.map { d -> HTML in
            "<tr><td><a href=\"\(Site.dueShow.path(d.id))\">\(d.number)</a></td><td>\(d.year)</td><td class=\"num\">\(Money.xpf(d.amount))</td><td class=\"num\">\(Money.xpf(d.paid))</td><td>\(d.balance <= 0 ? UI.badge("Réglée", "ok") : UI.badge("Reste \(Money.xpf(d.balance))", "warn"))</td></tr>"
        }
        let contactRows = contacts.map { c -> HTML in
            let person = c.person
            let isHolder = current?.$holder.id == person.id
            var access: HTML = .empty
            if staff {
                if let login = loginsByPerson[person.id!] {
                    access = "Accès : \(login.active ? "actif" : "désactivé")"
                } else if !person.email.isEmpty {
                    access = UI.postButton(csrf: csrf, action: Site.contactGrantAccess.path(id, person.id!), label: "Créer un accès")
                }
            }
            let remove: HTML = canEdit && !isHolder
                ? UI.postButton(csrf: csrf, action: Site.contactRemove.path(id, person.id!), label: "Retirer", style: "danger", confirm: "Retirer ce contact ?")
                : .empty
            return "<tr><td>\(person.fullName)\(isHolder ? UI.badge("titulaire", "info") : .empty)</td><td>\(c.role)</td><td>\(person.email)</td><td>\(person.phone)</td><td>\(access) \(remove)</td></tr>"
        }
        let yearNow = memberships.first?.year ?? FrenchDate.year(of: now)
        let membershipForm: HTML = staff ? """
        <details><summary>Ajouter ou modifier une adhésion</summary>
        <form method="post" action="\(Site.membershipSave.path(id))" class="inline-form">\(csrf)
        \(Input.text("year", "Année", FormState(values: ["year": String(yearNow)]), type: "number", required: true, extra: " min=\"2000\" max=\"2100\""))
        \(Input.select("category", "Catégorie", FormState(values: ["category": current?.category.rawValue ?? "core"]), options: MembershipCategory.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.select("status", "Statut", FormState(values: ["status": current?.status.rawValue ?? "active"]), options: MembershipStatus.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.select("holder", "Titulaire", FormState(values: ["holder": current?.$holder.id?.uuidString ?? ""]), options: contacts.map { ($0.person.id!.uuidString, $0.person.fullName) }, blank: "—"))
        <button class="primary">Enregistrer l'adhésion</button></form></details>
        """ : .empty
        let contactForm: HTML = canEdit ? """
        <details><summary>Ajouter un contact</summary>
        <form method="post" action="\(Site.contactAdd.path(id))" class="inline-form">\(csrf)
        \(Input.text("firstName", "Prénom", FormState(), required: true, maxLength: 80))
        \(Input.text("lastName", "Nom", FormState(), required: true, maxLength: 80))
        \(Input.text("email", "E-mail", FormState(), type: "email", maxLength: 254))
        \(Input.text("phone", "Téléphone", FormState(), type: "tel", maxLength: 25))
        \(Input.text("role", "Fonction", FormState(), maxLength: 80))
        \(Input.select("gender", "Genre (facultatif)", FormState(), options: Gender.allCases.map { ($0.rawValue, $0.label) }, blank: "Non précisé"))
        <button class="primary">Ajouter</button></form></details>
        """ : .empty
        let services: HTML = """
        <section class="panel"><h2>Vos services d'adhérent</h2><ul>
        <li><a href="\(Site.jobNewForm.path())">Publier une offre d'emploi ou de stage</a> · <a href="\(Site.jobIndex.path())">vos offres</a></li>
        <li><a href="\(Site.poolIndex.path())">Consulter le vivier de candidatures libres</a> (adhérents à jour de leur cotisation)</li>
        <li><a href="\(Site.newsFormNewForm.path())">Proposer une actualité</a> sur votre entreprise</li>
        <li><a href="\(Site.groupIndex.path())">Rejoindre une commission ou un club</a> · <a href="\(Site.eventIndex.path())">S'inscrire aux événements</a></li>
        <li><a href="\(Site.programmeIndex.path())">Programmes du cluster</a> (votre bilan d'animateur si vous êtes du consortium) · <a href="\(Site.pledgePublicForm.path())">Donner du matériel à la Grande Collecte</a> · <a href="\(Site.portalRefurbisher.path())">Matériels à reconditionner</a></li>
        <li><a href="\(Site.privacyMine.path())">Mes données personnelles</a></li></ul></section>
        """
        let actions: HTML = """
        <div class="actions">
        \(canEdit ? "<a class=\"button primary\" href=\"\(Site.memberEditForm.path(id))\">Modifier la fiche</a>" as HTML : .empty)
        \(staff && current?.status == .active ? "<a class=\"button\" href=\"\(Site.membershipResignForm.path(id))\">Enregistrer une démission</a>" as HTML : .empty)
        </div>
        """
        return """
        \(UI.breadcrumbs([("Adhérents", listLink ? Site.memberListIndex.path() : nil), (company.name, nil)]))
        <div class="page-head"><h1>\(company.name) \(company.founding ? UI.badge("membre fondateur", "info") : .empty)</h1>\(actions)</div>
        <p class="lead">\(current.map { "\($0.category.label) · \($0.status.label) en \($0.year)" } ?? "Aucune adhésion enregistrée")</p>
        \(company.about.isEmpty ? HTML.empty : HTML("<p>\(company.about)</p>"))
        <dl class="details">\(dl)</dl>
        \(renewal)
        \(mine ? services : .empty)
        <h2>Contacts</h2>
        \(contacts.isEmpty ? UI.emptyState("Aucun contact.") : "<table class=\"list\"><thead><tr><th>Nom</th><th>Fonction</th><th>E-mail</th><th>Téléphone</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(contactRows)</tbody></table>")
        \(contactForm)
        <h2>Adhésions</h2>
        \(memberships.isEmpty ? UI.emptyState("Aucune adhésion.") : "<table class=\"list\"><thead><tr><th>Année</th><th>Catégorie</th><th>Statut</th><th>Début</th><th>Fin</th><th>Titulaire</th></tr></thead><tbody>\(membershipRows)</tbody></table>")
        \(membershipForm)
        <h2>Cotisations</h2>
        \(dues.isEmpty ? UI.emptyState("Aucune cotisation émise.") : "<table class=\"list\"><thead><tr><th>Numéro</th><th>Année</th><th class=\"num\">Montant</th><th class=\"num\">Réglé</th><th>Solde</th></tr></thead><tbody>\(dueRows)</tbody></table>")
        \(staff ? "<h2>Historique des modifications</h2>\(AuditViews.table(trail))" as HTML : .empty)
        """
    }
}
