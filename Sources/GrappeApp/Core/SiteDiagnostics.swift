import Vapor

/// The routes of the digital-maturity diagnostic: the public request, the staff's list of
/// requests with the planning of each appointment, and the advisor's interview.
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
    static let diagnosticAdminShow = SiteRoute(.GET, "admin", "diagnostics", ":requestID")
    static let diagnosticAdminPlan = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "planifier")
    static let diagnosticAdminCancel = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "annuler")

    // The interview: staff, or the diagnostic's advisor (`DiagnosticInterviewAccess`)
    static let diagnosticInterview = SiteRoute(.GET, "entretiens", ":diagnosticID")
    static let diagnosticInterviewStart = SiteRoute(.POST, "entretiens", ":diagnosticID", "commencer")
    static let diagnosticInterviewStep = SiteRoute(.GET, "entretiens", ":diagnosticID", "etapes", ":dimension")
    static let diagnosticInterviewSave = SiteRoute(.POST, "entretiens", ":diagnosticID", "etapes", ":dimension")
    static let diagnosticInterviewClose = SiteRoute(.POST, "entretiens", ":diagnosticID", "clore")

    static let diagnostics: [SiteRoute] = [
        diagnosticForm, diagnosticSubmit, diagnosticThanks,
        diagnosticAdminIndex, diagnosticAdminShow, diagnosticAdminPlan, diagnosticAdminCancel,
        diagnosticInterview, diagnosticInterviewStart, diagnosticInterviewStep, diagnosticInterviewSave, diagnosticInterviewClose,
    ]
}
