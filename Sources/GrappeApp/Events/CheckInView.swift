import Foundation
import GrappeDomain

/// The check-in page, drawn without a database: the search box (GET, accent-insensitive), the
/// confirmed participants matching it with their arrival button, and the on-site form.
enum CheckInView {
    /// Whether a participant matches `search`: every word, folded, in the name, email or company.
    static func matches(_ r: Registration, _ search: String) -> Bool {
        let haystack = TextFolding.fold([r.name, r.email, r.company ?? ""].joined(separator: " "))
        return TextFolding.fold(search).split(separator: " ").allSatisfy { haystack.contains($0) }
    }

    static func page(_ event: ClusterEvent, registrations: [Registration], search: String, form: FormState, csrf: HTML) -> HTML {
        let id = event.id!
        let here = registrations.filter { $0.checkedInAt != nil }.count
        let shown = search.isEmpty ? registrations : registrations.filter { matches($0, search) }
        let keep: [(String, String)] = search.isEmpty ? [] : [("q", search)]
        let rows = shown.map { r -> HTML in
            let label = r.checkedInAt == nil ? "Arrivé(e)" : "Annuler l'arrivée"
            let who: HTML = "<span>\(r.name)\(r.company.map { HTML(" <small>· \($0)</small>") })</span>"
            return "<li class=\"checkin\(r.checkedInAt == nil ? "" : " here")\">\(who) \(UI.postButton(csrf: csrf, action: Site.eventCheckIn.path(id, r.id!), label: label, style: r.checkedInAt == nil ? "primary" : "secondary", fields: keep))</li>"
        }
        let list: HTML = rows.isEmpty
            ? UI.emptyState(registrations.isEmpty ? "Aucun inscrit." : "Aucun inscrit ne correspond à « \(search) ».")
            : "<ul class=\"checkins\">\(rows)</ul>"
        return """
        \(UI.breadcrumbs([("Événements", Site.eventIndex.path()), (event.title, Site.eventShow.path(event)), ("Accueil", nil)]))
        <h1>Accueil — \(event.title)</h1>
        <p class="lead">\(French.count(here, "arrivé", "arrivés")) sur \(French.count(registrations.count, "inscrit", "inscrits"))</p>
        <form method="get" action="\(Site.eventCheckInList.path(id))" class="filters" role="search">
        \(Input.text("q", "Nom ou adresse e-mail", FormState(values: ["q": search]), type: "search", maxLength: 100))
        <button class="primary">Rechercher</button>\(search.isEmpty ? HTML.empty : HTML(" <a href=\"\(Site.eventCheckInList.path(id))\">Tout afficher</a>"))</form>
        \(list)
        <details class="panel"\(HTML.flag(.open, !form.errors.isEmpty))><summary>Ajouter un participant sur place</summary>
        \(form.summary)
        <form method="post" action="\(Site.eventCheckInAdd.path(id))" class="grid-form">\(csrf)
        \(Input.text("name", "Nom", form, required: true, maxLength: 120))
        \(Input.text("email", "Adresse e-mail (facultative)", form, type: "email", maxLength: 200))
        \(Input.text("company", "Entreprise (facultative)", form, maxLength: 120))
        <button class="primary">Inscrire et noter l'arrivée</button></form></details>
        """
    }
}
