import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The typed description of the routes (`Site`) and the route map agree, and the links
    /// already sent by email keep their addresses.
    @Suite struct SiteRouteTests {
        @Test func everyDescribedRouteIsRegisteredAndEveryRegisteredRouteIsDescribed() async throws {
            try await withGrappe { app in
                let registered = app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") }
                let described = Site.all.map(\.description)
                #expect(Set(registered) == Set(described), "registered only: \(Set(registered).subtracting(described)); described only: \(Set(described).subtracting(registered))")
                #expect(registered.count == Set(registered).count && described.count == Set(described).count, "no route twice")
            }
        }

        @Test func linksFillTheParametersInOrderAndEscapeThem() {
            let id = UUID()
            #expect(Site.memberShow.path(id) == "/adherents/\(id.uuidString)")
            #expect(Site.groupShow.path("club rssi/2") == "/groupes/club%20rssi%2F2")
            #expect(Site.homeIndex.path() == "/")
            #expect(Site.diagnosticInterviewStep.path(id, DiagnosticDimension.humanCentric.rawValue) == "/entretiens/\(id.uuidString)/etapes/human_centric")
            #expect(Site.memberShow.matches("/adherents/\(id.uuidString)") && !Site.memberShow.matches("/adherents/\(id.uuidString)/modifier"))
            #expect(Site.diagnosticQuestionnaireUpdate.path(2, "q7_data") == "/admin/diagnostics/questionnaires/2/questions/q7_data")
            #expect(Site.diagnosticActionEdit.path("site-vitrine") == "/admin/diagnostics/actions/site-vitrine")
            #expect(Site.renewalConfirm.path(id) == "/adherents/\(id.uuidString)/renouvellement" && Site.renewalPreview.path() == "/cotisations/renouvellement")
        }

        /// Addresses sent by email stay valid for as long as the mail sits in an inbox: renaming
        /// one of these routes needs the old address kept beside it.
        @Test func emailedLinksKeepTheirAddresses() {
            #expect(Site.passwordResetResetForm.path("jeton") == "/reinitialisation/jeton")
            #expect(Site.candidateWithdrawForm.path("jeton") == "/candidatures/retrait/jeton")
            #expect(Site.subscriptionUnsubscribeForm.path("jeton") == "/lettre/desabonnement/jeton")
            #expect(Site.subscriptionUnsubscribe.path("jeton") == "/lettre/desabonnement/jeton")
            #expect(Site.subscriptionConfirm.path("jeton") == "/lettre/confirmation/jeton")
            #expect(Site.eventCancelForm.path("jeton") == "/inscriptions/jeton/annuler")
            #expect(Site.diagnosticResults.path("jeton") == "/diagnostic/resultats/jeton")
            let due = UUID()
            #expect(Site.duePrintCall.path(due) == "/cotisations/\(due.uuidString)/appel")
        }

        @Test func theRulesThatRunBeforeRoutingComeFromTheDescriptions() {
            #expect(BodyLimits.bytes(for: Site.candidateSubmit.path()) == Site.candidateSubmit.bodyLimit)
            #expect(BodyLimits.bytes(for: Site.actionImportSubmit.path("tremplins")) == Site.actionImportSubmit.bodyLimit)
            #expect(BodyLimits.bytes(for: Site.memberImportSubmit.path()) == 3 * 1024 * 1024)
            #expect(BodyLimits.bytes(for: Site.memberUpdate.path(UUID())) == BodyLimits.formBytes)
            #expect(Site.all.filter { $0.csrf == .tokenInPath }.map(\.description) == ["POST /lettre/desabonnement/:token"])
            #expect(CSRFMiddleware.isTokenAuthorised(.POST, path: Site.subscriptionUnsubscribe.path("x")))
            #expect(!CSRFMiddleware.isTokenAuthorised(.POST, path: "/lettre/desabonnement/x/autre"))
        }
    }
}
