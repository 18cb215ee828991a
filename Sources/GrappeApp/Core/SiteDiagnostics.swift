import Vapor

/// The routes of the digital-maturity diagnostic: the public request, and the staff's list of
/// requests with the planning of each appointment.
extension Site {
    // Public
    static let diagnosticForm = SiteRoute(.GET, "diagnostic")
    static let diagnosticSubmit = SiteRoute(.POST, "diagnostic")
    static let diagnosticThanks = SiteRoute(.GET, "diagnostic", "merci")
    /// The business's results, behind the private link emailed when the interview is closed (listed in
    /// `diagnostics` once its page is registered).
    static let diagnosticResults = SiteRoute(.GET, "diagnostic", "resultats", ":token")

    // Staff
    static let diagnosticAdminIndex = SiteRoute(.GET, "admin", "diagnostics")
    static let diagnosticAdminFigures = SiteRoute(.GET, "admin", "diagnostics", "chiffres")
    static let diagnosticAdminFiguresCSV = SiteRoute(.GET, "admin", "diagnostics", "chiffres.csv")
    static let diagnosticAdminShow = SiteRoute(.GET, "admin", "diagnostics", ":requestID")
    static let diagnosticAdminPlan = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "planifier")
    static let diagnosticAdminCancel = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "annuler")

    static let diagnostics: [SiteRoute] = [
        diagnosticForm, diagnosticSubmit, diagnosticThanks,
        diagnosticAdminIndex, diagnosticAdminShow, diagnosticAdminPlan, diagnosticAdminCancel,
        diagnosticAdminFigures, diagnosticAdminFiguresCSV,
    ]
}
