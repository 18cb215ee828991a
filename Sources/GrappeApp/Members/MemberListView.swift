import Foundation
import GrappeDomain

/// The member list with its filters, drawn without a request; `staff` shows the create and
/// import buttons (the board reads the list without them).
enum MemberListView {
    static func render(filter: MemberFilter, rows: [MemberRow], pages: Pagination,
                       domains: [CompetenceDomain], years: [Int], staff: Bool) -> HTML {
        let state = FormState(values: [
            "q": filter.query, "annee": String(filter.year), "categorie": filter.category?.rawValue ?? "",
            "statut": filter.withoutMembership ? "aucune" : (filter.status?.rawValue ?? ""),
            "domaine": filter.domainID?.uuidString ?? "", "commune": filter.commune,
            "cotisation": filter.dues?.rawValue ?? "", "tri": filter.sort.rawValue, "ordre": filter.descending ? "desc" : "",
        ])
        let yearOptions = Array(Set(years + [filter.year])).sorted(by: >).map { (String($0), String($0)) }
        let exportQuery = UI.query(filter.params)
        let table: HTML
        if rows.isEmpty {
            table = UI.emptyState(filter == MemberFilter(year: filter.year)
                ? "Aucun adhérent pour \(filter.year). Créez une fiche ou importez un fichier CSV."
                : "Aucun adhérent ne correspond à ces critères.",
                action: staff ? "<a class=\"button\" href=\"\(Site.memberNewForm.path())\">Nouvel adhérent</a>" : .empty)
        } else {
            let lines = rows.map { row -> HTML in
                let dues: HTML
                if let amount = row.dueAmount, let id = row.dueID {
                    let balance = amount - row.paid
                    dues = balance <= 0
                        ? "<a href=\"\(Site.dueShow.path(id))\">\(UI.badge("Réglée", "ok"))</a>"
                        : "<a href=\"\(Site.dueShow.path(id))\">\(UI.badge("Reste \(Money.xpf(balance))", "warn"))</a>"
                } else {
                    dues = "—"
                }
                return """
                <tr><td><a href="\(Site.memberShow.path(row.id))">\(row.name)</a>\(row.founding ? UI.badge("fondateur", "info") : .empty)
                <br><small>\(row.domains.joined(separator: ", "))</small></td>
                <td>\(row.ridet ?? "—")</td><td>\(row.commune.isEmpty ? "—" : row.commune)</td><td class="num">\(row.headcount)</td>
                <td>\(row.category?.label ?? "—")</td><td>\(row.status?.label ?? "Sans adhésion")</td><td>\(dues)</td></tr>
                """
            }
            table = """
            <table class="list">
            <caption>\(pages.total) entreprise\(pages.total > 1 ? "s" : "") · \(filter.year)</caption>
            <thead><tr><th>Entreprise</th><th>RIDET</th><th>Commune</th><th class="num">Effectif</th><th>Catégorie</th><th>Statut</th><th>Cotisation \(filter.year)</th></tr></thead>
            <tbody>\(lines)</tbody></table>
            \(pages.links(path: Site.memberListIndex.path(), params: filter.params))
            """
        }
        return """
        <div class="page-head"><h1>Adhérents</h1>
        <div class="actions">
        \(staff ? "<a class=\"button primary\" href=\"\(Site.memberNewForm.path())\">Nouvel adhérent</a> <a class=\"button\" href=\"\(Site.memberImportForm.path())\">Importer (CSV)</a>" as HTML : .empty)
        <a class="button" href="\(Site.memberListExportCSV.path())?\(exportQuery)">Exporter la liste (CSV)</a>
        </div></div>
        <form method="get" action="\(Site.memberListIndex.path())" class="filters" role="search">
        \(Input.text("q", "Recherche (nom, RIDET, contact)", state, type: "search", maxLength: 100))
        \(Input.select("annee", "Année", state, options: yearOptions))
        \(Input.select("categorie", "Catégorie", state, options: MembershipCategory.allCases.map { ($0.rawValue, $0.label) }, blank: "Toutes"))
        \(Input.select("statut", "Statut", state, options: MembershipStatus.allCases.map { ($0.rawValue, $0.label) } + [("aucune", "Sans adhésion")], blank: "Tous"))
        \(Input.select("domaine", "Domaine", state, options: domains.map { ($0.id!.uuidString, $0.name) }, blank: "Tous"))
        \(Input.select("commune", "Commune", state, options: Communes.inFrenchOrder.map { ($0, $0) }, blank: "Toutes"))
        \(Input.select("cotisation", "Cotisation", state, options: MemberFilter.DuesState.allCases.map { ($0.rawValue, $0.label) }, blank: "Toutes"))
        \(Input.select("tri", "Trier par", state, options: MemberFilter.Sort.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.select("ordre", "Ordre", state, options: [("", "Croissant"), ("desc", "Décroissant")]))
        <div class="field"><button class="primary">Filtrer</button> <a href="\(Site.memberListIndex.path())">Réinitialiser</a></div>
        </form>
        \(table)
        """
    }
}
