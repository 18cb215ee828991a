import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// A campaign's figures, aggregated in SQL.
struct CollectFigures: Sendable {
    var byState: [CollectItemState: Int] = [:]
    var byType: [DeviceType: Int] = [:]
    var handedOverByType: [DeviceType: Int] = [:]
    var byDonor: [(String, Int)] = []
    var byRefurbisher: [(String, Int)] = []
    var byCharity: [(String, Int)] = []
    /// Items past « données effacées » that need an erasure, and how many of them have one.
    var needingErasure = 0
    var erased = 0
    var averageDaysToHandover: Double?
    var total: Int { byState.values.reduce(0, +) }
    var erasedShare: Int? { needingErasure > 0 ? Int((Double(erased) / Double(needingErasure) * 100).rounded()) : nil }
}

enum CollectQueries {
    static func figures(_ db: any Database, campaignID: UUID) async throws -> CollectFigures {
        let sql = db.sql
        var f = CollectFigures()
        for row in try await sql.raw("SELECT state, device_type, COUNT(*) AS n FROM collect_items WHERE campaign_id = \(bind: campaignID) GROUP BY state, device_type").all() {
            let n = try row.decode(column: "n", as: Int.self)
            guard let state = CollectItemState(rawValue: try row.decode(column: "state", as: String.self)),
                  let type = DeviceType(rawValue: try row.decode(column: "device_type", as: String.self)) else { continue }
            f.byState[state, default: 0] += n
            f.byType[type, default: 0] += n
            if state == .handedOver { f.handedOverByType[type, default: 0] += n }
        }
        func named(_ query: SQLQueryString) async throws -> [(String, Int)] {
            try await sql.raw(query).all().map { (try $0.decode(column: "name", as: String?.self) ?? "—", try $0.decode(column: "n", as: Int.self)) }
        }
        f.byDonor = try await named("""
            SELECT p.donor_name AS name, COUNT(*) AS n FROM collect_items i JOIN collect_pledges p ON p.id = i.pledge_id
            WHERE i.campaign_id = \(bind: campaignID) GROUP BY p.donor_name ORDER BY n DESC, p.donor_name
            """)
        f.byRefurbisher = try await named("""
            SELECT c.name AS name, COUNT(*) AS n FROM collect_items i JOIN companies c ON c.id = i.refurbisher_company_id
            WHERE i.campaign_id = \(bind: campaignID) GROUP BY c.name ORDER BY n DESC, c.name
            """)
        f.byCharity = try await named("""
            SELECT ch.name AS name, COUNT(*) AS n FROM collect_items i JOIN charities ch ON ch.id = i.charity_id
            WHERE i.campaign_id = \(bind: campaignID) GROUP BY ch.name ORDER BY n DESC, ch.name
            """)
        let past: [CollectItemState] = [.erased, .refurbished, .graded, .ready, .allocated, .handedOver]
        let pastStates = past.filter { $0 != .erased }.map(\.rawValue)
        let erasure = try await sql.raw("""
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM erasure_records e WHERE e.item_id = i.id) THEN 1 ELSE 0 END), 0) AS done
            FROM collect_items i WHERE i.campaign_id = \(bind: campaignID) AND i.device_type <> \(bind: DeviceType.monitor.rawValue)
            AND i.state IN (\(binds: pastStates))
            """).first()
        f.needingErasure = try erasure?.decode(column: "n", as: Int.self) ?? 0
        f.erased = try erasure?.decode(column: "done", as: Int.self) ?? 0
        let spans = try await CollectItem.query(on: db).filter(\.$campaign.$id == campaignID).filter(\.$state == .handedOver)
            .field(\.$id).field(\.$collectedAt).field(\.$handedOverAt).all()
            .compactMap { i -> Double? in
                guard let from = i.collectedAt, let to = i.handedOverAt else { return nil }
                return to.timeIntervalSince(from) / 86400
            }
        f.averageDaysToHandover = spans.isEmpty ? nil : spans.reduce(0, +) / Double(spans.count)
        return f
    }
}
