import Fluent
import GrappeDomain
import Vapor

/// The donor's certificate: every item of the pledge by serial, and how each storage device
/// was erased (NIST SP 800-88). Printable; staff, board and the donor company's contacts.
/// `CertificatePage` read, `CertificateView` drawn.
enum CertificateController {
    static func show(_ req: Request) async throws -> Response {
        _ = try req.requireUser()
        let p = try await PledgeController.find(req)
        guard req.viewer.readsEverything || p.$donorCompany.id.map(req.viewer.companyIDs.contains) == true else { throw Abort(.forbidden) }
        let body = CertificateView.render(try await CertificatePage.load(req.db, pledge: p), org: try await req.organisation(), now: req.now)
        return try await Layout.page(req, title: "Certificat d'effacement · \(p.donorName)", body: body)
    }
}
