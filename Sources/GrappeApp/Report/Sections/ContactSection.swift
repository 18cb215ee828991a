import Foundation

/// « Contacter » — the cluster's manager and contact details.
struct ContactSection: ReportSection {
    func parts(_ ctx: ReportContext) async throws -> [ReportPart] {
        let o = ctx.organisation
        let lines = [o.managerName.isEmpty ? nil : "\(o.managerName), manager", o.email, o.phone, o.website, o.address]
            .compactMap { $0 }.filter { !$0.isEmpty }
        return [ReportPart(id: "contact", title: "Contacter \(o.name)", body: "<address>\(lines.map { "<p>\($0)</p>" as HTML })</address>")]
    }
}
