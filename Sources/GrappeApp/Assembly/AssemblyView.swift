import Foundation
import FluentKit
import GrappeDomain

/// The general assembly's page, drawn without a request: the voters with their attendance, the
/// quorum and the resolutions. `staff`: the rules, convocation, attendance and vote forms; the
/// board reads the same figures without them.
enum AssemblyView {
    static func render(_ l: AssemblyController.Loaded, voters: [AssemblyQueries.Voter], attendance: [AssemblyAttendance],
                       resolutions: [Resolution], error: String?, staff: Bool, csrf: HTML) -> HTML {
        let event = l.event
        let quorumPercent = l.assembly?.quorumPercent ?? 50
        let maxProxies = l.assembly?.maxProxies ?? 2
        let marks = Dictionary(attendance.map { ($0.$company.id, $0) }, uniquingKeysWith: { a, _ in a })
        let present = attendance.filter { $0.status == .present }
        let quorum = AssemblyRules.Quorum(voters: voters.count, present: present.count, represented: attendance.count - present.count, percent: quorumPercent)
        let presentOptions = voters.filter { marks[$0.companyID]?.status == .present }.map { ($0.companyID.uuidString, $0.name) }
        let rows = voters.map { v -> HTML in
            let mark = marks[v.companyID]
            let key = v.companyID.uuidString
            if !staff {
                return "<tr><td>\(v.name)</td><td>\(v.holder ?? "—")</td><td>\(mark?.status.label ?? "Absent")</td></tr>"
            }
            let state = FormState(values: ["a_\(key)": mark?.status.rawValue ?? "", "proxy_\(key)": mark?.$proxy.id?.uuidString ?? ""])
            return """
            <tr><td>\(v.name)</td><td>\(v.holder ?? "—")</td>
            <td>\(Input.select("a_\(key)", "Présence", state, options: AssemblyAttendance.Status.allCases.map { ($0.rawValue, $0.label) }, blank: "Absent"))</td>
            <td>\(Input.select("proxy_\(key)", "Pouvoir confié à", state, options: presentOptions.filter { $0.0 != key }, blank: "—"))</td></tr>
            """
        }
        let resolutionRows = resolutions.map { r -> HTML in
            let adopted = AssemblyRules.adopted(forVotes: r.votesFor, against: r.votesAgainst)
            return "<tr><td>\(r.position)</td><td>\(r.title)</td><td class=\"num\">\(r.votesFor)</td><td class=\"num\">\(r.votesAgainst)</td><td class=\"num\">\(r.abstentions)</td><td>\(adopted ? UI.badge("adoptée", "ok") : UI.badge("rejetée", "warn"))</td></tr>"
        }
        let forms: HTML = staff ? """
        <details><summary>Règles (statuts)</summary>
        <form method="post" action="\(Site.assemblySettings.path(event))" class="inline-form">\(csrf)
        \(Input.text("quorum", "Quorum (% des votants)", FormState(values: ["quorum": String(quorumPercent)]), type: "number", required: true, extra: " min=\"1\" max=\"100\""))
        \(Input.text("proxies", "Pouvoirs par adhérent présent", FormState(values: ["proxies": String(maxProxies)]), type: "number", required: true, extra: " min=\"0\" max=\"20\""))
        <button>Enregistrer</button></form></details>
        \(UI.postButton(csrf: csrf, action: Site.assemblyConvene.path(event), label: l.assembly?.convenedAt == nil ? "Envoyer la convocation à chaque titulaire" : "Renvoyer la convocation", confirm: "Envoyer la convocation ?"))
        """ : .empty
        let quorumBox: HTML = """
        <ul class="stats">
        <li><span>Votants (à jour de cotisation \(l.year))</span><strong>\(voters.count)</strong></li>
        <li><span>Présents</span><strong>\(quorum.present)</strong></li>
        <li><span>Représentés</span><strong>\(quorum.represented)</strong></li>
        <li><span>Quorum (\(quorumPercent) %)</span><strong>\(quorum.reached ? "atteint" : "non atteint")</strong><small>\(quorum.counted) sur \(quorum.needed) requis</small></li>
        </ul>
        """
        let table: HTML = voters.isEmpty ? UI.emptyState("Aucun adhérent à jour de sa cotisation \(l.year).") : staff ? """
        <form method="post" action="\(Site.assemblyAttendance.path(event))">\(csrf)
        <table class="list"><thead><tr><th>Adhérent</th><th>Titulaire</th><th>Présence</th><th>Pouvoir</th></tr></thead><tbody>\(rows)</tbody></table>
        <button class="primary">Enregistrer les présences</button></form>
        """ : "<table class=\"list\"><thead><tr><th>Adhérent</th><th>Titulaire</th><th>Présence</th></tr></thead><tbody>\(rows)</tbody></table>"
        let resolutionForm: HTML = staff ? """
        <form method="post" action="\(Site.assemblyResolution.path(event))" class="inline-form">\(csrf)
        \(Input.text("title", "Résolution", FormState(), required: true, maxLength: 300))
        \(Input.text("for", "Pour", FormState(values: ["for": "0"]), type: "number", extra: " min=\"0\""))
        \(Input.text("against", "Contre", FormState(values: ["against": "0"]), type: "number", extra: " min=\"0\""))
        \(Input.text("abstain", "Abstentions", FormState(values: ["abstain": "0"]), type: "number", extra: " min=\"0\""))
        <button class="primary">Enregistrer le vote</button></form>
        """ : .empty
        return """
        \(UI.breadcrumbs([("Événements", Site.eventIndex.path()), (l.event.title, Site.eventShow.path(l.event.id!)), ("Assemblée", nil)]))
        <h1>\(l.event.title)</h1>
        <p class="lead">\(FrenchDate.long(l.event.startsAt)) · \(French.count(maxProxies, "pouvoir", "pouvoirs")) au plus par adhérent présent\(l.assembly?.convenedAt.map { " · convocation envoyée le \(FrenchDate.short($0))" } ?? "")</p>
        <p>Seuls les adhérents à jour de leur cotisation \(l.year) votent ; les membres d'honneur n'ont pas de voix délibérative.</p>
        \(error.map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") })
        \(forms)
        \(quorumBox)
        <h2>Présences et pouvoirs</h2>
        \(table)
        <h2>Résolutions</h2>
        \(resolutionRows.isEmpty ? UI.emptyState("Aucune résolution votée.") : "<table class=\"list\"><thead><tr><th>N°</th><th>Résolution</th><th class=\"num\">Pour</th><th class=\"num\">Contre</th><th class=\"num\">Abst.</th><th>Résultat</th></tr></thead><tbody>\(resolutionRows)</tbody></table>")
        \(resolutionForm)
        """
    }
}
