import Vapor

/// The routes of the digital-maturity diagnostic: the public request, the staff's list of
/// requests with the planning of each appointment, and the advisor's interview.
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
    static let diagnosticAdminFigures = SiteRoute(.GET, "admin", "diagnostics", "chiffres")
    static let diagnosticAdminFiguresCSV = SiteRoute(.GET, "admin", "diagnostics", "chiffres.csv")
    static let diagnosticAdminShow = SiteRoute(.GET, "admin", "diagnostics", ":requestID")
    static let diagnosticAdminPlan = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "planifier")
    static let diagnosticAdminCancel = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "annuler")
    // Staff: the results of a closed diagnostic, its plan edited by the advisor, the link sent again
    static let diagnosticPlanMove = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "plan", "deplacer")
    static let diagnosticPlanRemove = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "plan", "retirer")
    static let diagnosticPlanAdd = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "plan", "ajouter")
    static let diagnosticResultsResend = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "resultats", "renvoyer")

    // Staff tools: questionnaire versions, the action catalogue, the settings, a closed
    // diagnostic's grant outcome and follow-up.
    static let diagnosticQuestionnaires = SiteRoute(.GET, "admin", "diagnostics", "questionnaires")
    static let diagnosticQuestionnaireShow = SiteRoute(.GET, "admin", "diagnostics", "questionnaires", ":version")
    static let diagnosticQuestionnaireCopy = SiteRoute(.POST, "admin", "diagnostics", "questionnaires", ":version", "copier")
    static let diagnosticQuestionnairePublish = SiteRoute(.POST, "admin", "diagnostics", "questionnaires", ":version", "publier")
    static let diagnosticQuestionnaireAdd = SiteRoute(.POST, "admin", "diagnostics", "questionnaires", ":version", "questions")
    static let diagnosticQuestionnaireUpdate = SiteRoute(.POST, "admin", "diagnostics", "questionnaires", ":version", "questions", ":questionKey")
    static let diagnosticQuestionnaireRemove = SiteRoute(.POST, "admin", "diagnostics", "questionnaires", ":version", "questions", ":questionKey", "supprimer")
    static let diagnosticActions = SiteRoute(.GET, "admin", "diagnostics", "actions")
    static let diagnosticActionNew = SiteRoute(.GET, "admin", "diagnostics", "actions", "nouvelle")
    static let diagnosticActionCreate = SiteRoute(.POST, "admin", "diagnostics", "actions", "nouvelle")
    static let diagnosticActionEdit = SiteRoute(.GET, "admin", "diagnostics", "actions", ":actionKey")
    static let diagnosticActionUpdate = SiteRoute(.POST, "admin", "diagnostics", "actions", ":actionKey")
    static let diagnosticActionDelete = SiteRoute(.POST, "admin", "diagnostics", "actions", ":actionKey", "supprimer")
    static let diagnosticActionMoveUp = SiteRoute(.POST, "admin", "diagnostics", "actions", ":actionKey", "monter")
    static let diagnosticSettings = SiteRoute(.GET, "admin", "diagnostics", "reglages")
    static let diagnosticSettingsSave = SiteRoute(.POST, "admin", "diagnostics", "reglages")
    static let diagnosticAdminGrant = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "aide")
    static let diagnosticAdminFollowUp = SiteRoute(.POST, "admin", "diagnostics", ":requestID", "suivi")

    static let diagnosticTools: [SiteRoute] = [
        diagnosticQuestionnaires, diagnosticQuestionnaireShow, diagnosticQuestionnaireCopy, diagnosticQuestionnairePublish,
        diagnosticQuestionnaireAdd, diagnosticQuestionnaireUpdate, diagnosticQuestionnaireRemove,
        diagnosticActions, diagnosticActionNew, diagnosticActionCreate, diagnosticActionEdit, diagnosticActionUpdate,
        diagnosticActionDelete, diagnosticActionMoveUp, diagnosticSettings, diagnosticSettingsSave,
        diagnosticAdminGrant, diagnosticAdminFollowUp,
    ]

    // The interview: staff, or the diagnostic's advisor (`DiagnosticInterviewAccess`)
    static let diagnosticInterview = SiteRoute(.GET, "entretiens", ":diagnosticID")
    static let diagnosticInterviewStart = SiteRoute(.POST, "entretiens", ":diagnosticID", "commencer")
    static let diagnosticInterviewStep = SiteRoute(.GET, "entretiens", ":diagnosticID", "etapes", ":dimension")
    static let diagnosticInterviewSave = SiteRoute(.POST, "entretiens", ":diagnosticID", "etapes", ":dimension")
    static let diagnosticInterviewClose = SiteRoute(.POST, "entretiens", ":diagnosticID", "clore")

    static let diagnostics: [SiteRoute] = diagnosticTools + [
        diagnosticForm, diagnosticSubmit, diagnosticThanks,
        diagnosticAdminIndex, diagnosticAdminShow, diagnosticAdminPlan, diagnosticAdminCancel,
        diagnosticInterview, diagnosticInterviewStart, diagnosticInterviewStep, diagnosticInterviewSave, diagnosticInterviewClose,
        diagnosticResults, diagnosticResultsPDF,
        diagnosticPlanMove, diagnosticPlanRemove, diagnosticPlanAdd, diagnosticResultsResend,
        diagnosticAdminFigures, diagnosticAdminFiguresCSV,
    ]
}
