import Vapor

/// The routes of the digital-maturity diagnostic: the public request, and the staff's list of
/// requests with the planning of each appointment.
extension Site {
    // Public
    static let diagnosticForm = SiteRoute(.GET, "diagnostic")
    static let diagnosticSubmit = SiteRoute(.POST, "diagnostic")
    static let diagnosticThanks = SiteRoute(.GET, "diagnostic", "merci")
    /// The business's results, behind the private link emailed when the interview is closed, and their PDF.
    static let diagnosticResults = SiteRoute(.GET, "diagnostic", "resultats", ":token")
    static let diagnosticResultsPDF = SiteRoute(.GET, "diagnostic", "resultats", ":token", "pdf")

    // Staff
    static let diagnosticAdminIndex = SiteRoute(.GET, "admin", "diagnostics")
    static let diagnosticAdminShow = SiteRoute(.GET, "admin", "diagnostics", ":requestID")
    static let diagnosticAdminPlan = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "planifier")
    static let diagnosticAdminCancel = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "annuler")
    // Staff: the results of a closed diagnostic, its plan edited by the advisor, the link sent again
    static let diagnosticPlanMove = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "plan", "deplacer")
    static let diagnosticPlanRemove = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "plan", "retirer")
    static let diagnosticPlanAdd = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "plan", "ajouter")
    static let diagnosticResultsResend = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "resultats", "renvoyer")

    static let diagnostics: [SiteRoute] = [
        diagnosticForm, diagnosticSubmit, diagnosticThanks,
        diagnosticAdminIndex, diagnosticAdminShow, diagnosticAdminPlan, diagnosticAdminCancel,
        diagnosticResults, diagnosticResultsPDF,
        diagnosticPlanMove, diagnosticPlanRemove, diagnosticPlanAdd, diagnosticResultsResend,
    ]
}
