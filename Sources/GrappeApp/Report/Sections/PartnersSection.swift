import Fluent
import Foundation
import GrappeDomain

/// « Les partenaires » — who supported the cluster during the year, by kind (amounts stay private).
struct PartnersSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let partners = try await Partner.query(on: ctx.db).filter(\.$organisation.$id == ctx.organisationID).filter(\.$year == ctx.year).all().sortedInFrench(by: \.name)
        guard !partners.isEmpty else { return [] }
        let groups = Partner.Kind.allCases.compactMap { kind -> HTML? in
            let names = partners.filter { $0.kind == kind }.map(\.name)
            return names.isEmpty ? nil : "<h3>\(kind.label)\(names.count > 1 ? "s" : "")</h3><ul class=\"columns\">\(names.map { "<li>\($0)</li>" as HTML })</ul>"
        }
        return [ReportPart(id: "partenaires", title: "Les partenaires \(ctx.year)", body: "<p>Ils nous ont soutenus cette année.</p>\(groups)")]
    }
}
