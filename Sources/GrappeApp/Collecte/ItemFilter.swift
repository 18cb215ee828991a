import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// The item list's filters (state, type, tag or serial), shared by the staff and refurbisher
/// pages; `ItemView.filters` and `ItemView.table` draw them.
struct ItemFilter: Sendable {
    var state: CollectItemState?
    var type: DeviceType?
    var query = ""

    init(state: CollectItemState? = nil, type: DeviceType? = nil, query: String = "") {
        self.state = state
        self.type = type
        self.query = query
    }

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

    static func page(_ db: any Database, requestedPage: Int?, campaignID: UUID? = nil, filter: ItemFilter,
                     scope: (QueryBuilder<CollectItem>) -> QueryBuilder<CollectItem> = { $0 }) async throws -> ([CollectItem], Pagination) {
        var base = scope(CollectItem.query(on: db))
        if let campaignID { base = base.filter(\.$campaign.$id == campaignID) }
        let total = try await filter.apply(base.copy()).count()
        let pages = Pagination(page: requestedPage, perPage: 50, total: total)
        let items = try await filter.apply(base).with(\.$pledge).with(\.$refurbisher).with(\.$charity)
            .sort(\.$tag).range(pages.offset..<(pages.offset + pages.perPage)).all()
        return (items, pages)
    }
}
