import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// The item list's filters (state, type, tag or serial) and its table, shared by the staff,
/// refurbisher and charity pages.
struct ItemFilter: Sendable {
    var state: CollectItemState?
    var type: DeviceType?
    var query = ""

    init(from req: Request) {
        state = req.query[String.self, at: "etat"].flatMap(CollectItemState.init(rawValue:))
        type = req.query[String.self, at: "type"].flatMap(DeviceType.init(rawValue:))
        query = String(FieldCheck.trimmed(req.query[String.self, at: "q"]).prefix(60))
    }

    var params: [String: String] { ["etat": state?.rawValue ?? "", "type": type?.rawValue ?? "", "q": query] }

    func apply(_ q: QueryBuilder<CollectItem>) -> QueryBuilder<CollectItem> {
        var q = q
        if let state { q = q.filter(\.$state == state) }
        if let type { q = q.filter(\.$deviceType == type) }
        if !query.isEmpty {
            // Case-insensitive on both databases (LIKE is case-sensitive on PostgreSQL).
            let pattern = "%" + query.lowercased().replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            q = q.group(.or) { group in
                for column in ["tag", "serial", "model", "brand"] {
                    group.filter(.custom(SQLBinaryExpression(SQLFunction("LOWER", args: SQLColumn(column, table: CollectItem.schema)),
                                                             .like, SQLBind(pattern))))
                }
            }
        }
        return q
    }

    static func page(_ req: Request, campaignID: UUID? = nil, filter: ItemFilter,
                     scope: (QueryBuilder<CollectItem>) -> QueryBuilder<CollectItem> = { $0 }) async throws -> ([CollectItem], Pagination) {
        var base = scope(CollectItem.query(on: req.db))
        if let campaignID { base = base.filter(\.$campaign.$id == campaignID) }
        let total = try await filter.apply(base.copy()).count()
        let pages = Pagination(page: Pagination.requestedPage(req), perPage: 50, total: total)
        let items = try await filter.apply(base).with(\.$pledge).with(\.$refurbisher).with(\.$charity)
            .sort(\.$tag).range(pages.offset..<(pages.offset + pages.perPage)).all()
        return (items, pages)
    }

    static func form(_ f: ItemFilter, action: String) -> HTML {
        let s = FormState(values: f.params)
        return """
        <form method="get" action="\(action)" class="filters" role="search">
        \(Input.select("etat", "État", s, options: CollectItemState.allCases.map { ($0.rawValue, $0.label) }, blank: "Tous"))
        \(Input.select("type", "Type", s, options: DeviceType.allCases.map { ($0.rawValue, $0.label) }, blank: "Tous"))
        \(Input.text("q", "Étiquette, série ou modèle", s, type: "search", maxLength: 60))
        <button class="primary">Filtrer</button></form>
        """
    }

    static func table(_ items: [CollectItem]) -> HTML {
        guard !items.isEmpty else { return UI.emptyState("Aucun matériel ne correspond.") }
        let rows = items.map { i in
            HTML("""
            <tr><td><a href="\(Site.itemShow.path(i.id!))">\(i.tag)</a></td><td>\(i.deviceType.label)</td><td>\(i.model.nonEmpty ?? "—")</td>
            <td>\(i.serial.nonEmpty ?? "—")</td><td>\(i.state.label)</td><td>\(i.pledge.donorName)</td><td>\(i.refurbisher?.name ?? "—")</td><td>\(i.charity?.name ?? "—")</td></tr>
            """)
        }
        return "<table class=\"list\"><thead><tr><th>Étiquette</th><th>Type</th><th>Modèle</th><th>N° de série</th><th>État</th><th>Donateur</th><th>Reconditionneur</th><th>Association</th></tr></thead><tbody>\(rows)</tbody></table>"
    }
}
