import Foundation
import GrappeDomain

/// The staff's diagnostic pages, drawn without a database: the list of requests and one request
/// with its appointment and the planning form.
enum DiagnosticAdminView {
    static func statusBadge(_ r: DiagnosticRequest) -> HTML {
        UI.badge(r.status.label, r.status == .waiting ? "warning" : r.status == .planned ? "info" : "muted")
    }

    static func list(_ requests: [DiagnosticRequest], diagnostics: [UUID: Diagnostic], pages: Pagination) -> HTML {
        guard !requests.isEmpty else {
            return "<h1>Diagnostics de maturité numérique</h1>\(UI.emptyState("Aucune demande de diagnostic pour le moment."))"
        }
        let rows = requests.map { r -> HTML in
            let appointment = diagnostics[r.id!].flatMap { $0.status == .planned ? "\(FrenchDate.long($0.startsAt)) à \(FrenchDate.clock($0.startsAt))" : nil } ?? "—"
            return """
            <tr><td><a href="\(Site.diagnosticAdminShow.path(r.id!))">\(r.companyName)</a></td><td>\(r.activity.label)</td><td>\(r.commune)</td>
            <td>\(r.contactName)</td><td>\(statusBadge(r))</td><td>\(appointment)</td><td>\(r.createdAt.map(FrenchDate.short) ?? "")</td></tr>
            """
        }
        return """
        <h1>Diagnostics de maturité numérique</h1>
        <p><a href="\(Site.diagnosticForm.path())">La page publique de demande</a></p>
        <p><a href="\(Site.diagnosticAdminFigures.path())">Les diagnostics en chiffres</a></p>
        <table class="list"><thead><tr><th>Entreprise</th><th>Activité</th><th>Commune</th><th>Contact</th><th>État</th><th>Rendez-vous</th><th>Reçue le</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        \(pages.links(path: Site.diagnosticAdminIndex.path(), params: [:]))
        """
    }

    static func show(_ r: DiagnosticRequest, diagnostic d: Diagnostic?, advisor: DiagnosticQueries.Advisor?, advisors: [DiagnosticQueries.Advisor],
                     form: FormState, csrf: HTML) -> HTML {
        let id = r.id!
        let slots = r.slotDates.map { HTML("<li>\(FrenchDate.long($0)) à \(FrenchDate.clock($0))</li>") }
        let planned = d?.status == .planned
        let appointment: HTML = d.map { d -> HTML in
            """
            <h2>Rendez-vous</h2>
            <dl class="facts"><dt>État</dt><dd>\(d.status.label)</dd><dt>Date</dt><dd>\(FrenchDate.long(d.startsAt)), \(FrenchDate.clock(d.startsAt))–\(FrenchDate.clock(d.endsAt))</dd>
            <dt>Conseiller</dt><dd>\(advisor.map { "\($0.name) (\($0.email))" } ?? "—")</dd></dl>
            """
        } ?? .empty
        let canPlan = d == nil || d?.status == .planned || d?.status == .cancelled
        let planForm: HTML = canPlan && r.status != .done ? """
            <h2>\(planned ? "Déplacer le rendez-vous" : "Planifier le rendez-vous")</h2>
            \(form.summary)
            <form method="post" action="\(Site.diagnosticAdminPlan.path(id))" class="stack">\(csrf)
            \(Input.select("advisor", "Conseiller", form, options: advisors.map { ($0.key, "\($0.name) — \($0.detail)") }, required: true, blank: "Choisir…"))
            \(Input.text("date", "Date", form, type: "date", required: true))
            \(Input.text("time", "Heure de début (une heure d'entretien)", form, type: "time", required: true))
            <button class="primary">\(planned ? "Déplacer et prévenir" : "Planifier et envoyer les invitations")</button></form>
            """ : .empty
        let cancelForm: HTML = planned
            ? UI.postButton(csrf: csrf, action: Site.diagnosticAdminCancel.path(id), label: "Annuler le rendez-vous", confirm: "Annuler ce rendez-vous ?")
            : .empty
        return """
        \(UI.breadcrumbs([("Diagnostics", Site.diagnosticAdminIndex.path()), (r.companyName, nil)]))
        <div class="page-head"><h1>\(r.companyName)</h1>\(statusBadge(r))</div>
        <dl class="facts"><dt>RIDET</dt><dd>\(r.ridet)</dd><dt>Activité</dt><dd>\(r.activity.label)\(r.activityDetails.isEmpty ? "" : " — \(r.activityDetails)")</dd>
        <dt>Commune</dt><dd>\(r.commune)</dd><dt>Effectif</dt><dd>\(r.headcount)</dd>
        <dt>Contact</dt><dd>\(r.contactName) · <a href="mailto:\(r.contactEmail)">\(r.contactEmail)</a>\(r.contactPhone.isEmpty ? "" : " · \(r.contactPhone)")</dd>
        <dt>Statistiques</dt><dd>\(r.statisticsConsent ? "accord donné le \(r.consentAt.map(FrenchDate.long) ?? "")" : "pas d'accord")</dd>
        <dt>Précisions</dt><dd>\(r.message.isEmpty ? "—" : r.message)</dd></dl>
        <h2>Créneaux proposés</h2><ul>\(slots)</ul>
        \(appointment)
        \(planForm)
        \(cancelForm)
        """
    }
}
