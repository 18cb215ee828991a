import Vapor

/// Page numbers from `?page=` and the links under a list.
struct Pagination: Sendable {
    let page: Int
    let perPage: Int
    let total: Int

    init(page: Int?, perPage: Int = 25, total: Int) {
        self.perPage = perPage
        self.total = total
        let last = max(1, (total + perPage - 1) / perPage)
        self.page = min(max(1, page ?? 1), last)
    }

    var offset: Int { (page - 1) * perPage }
    var lastPage: Int { max(1, (total + perPage - 1) / perPage) }

    static func requestedPage(_ req: Request) -> Int? {
        req.query[String.self, at: "page"].flatMap { Int($0) }
    }

    /// "Page 2 sur 4" with previous/next links keeping the other query parameters.
    func links(path: String, params: [String: String]) -> HTML {
        guard lastPage > 1 else { return .empty }
        func href(_ p: Int) -> String {
            var q = params
            q["page"] = p == 1 ? "" : String(p)
            let query = UI.query(q)
            return query.isEmpty ? path : path + "?" + query
        }
        let prev: HTML = page > 1 ? "<a rel=\"prev\" href=\"\(href(page - 1))\">← Précédente</a>" : ""
        let next: HTML = page < lastPage ? "<a rel=\"next\" href=\"\(href(page + 1))\">Suivante →</a>" : ""
        return "<nav class=\"pager\" aria-label=\"Pagination\">\(prev) <span>Page \(page) sur \(lastPage)</span> \(next)</nav>"
    }
}
