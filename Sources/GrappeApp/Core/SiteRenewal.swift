import Vapor

/// The routes of the yearly renewal: the staff's campaign (preview and confirmation) and its
/// settings, and a member contact's confirmation from their company's page.
extension Site {
    // Staff
    static let renewalPreview = SiteRoute(.GET, "cotisations", "renouvellement")
    static let renewalRun = SiteRoute(.POST, "cotisations", "renouvellement")
    static let renewalSettings = SiteRoute(.GET, "cotisations", "renouvellement", "reglages")
    static let renewalSettingsSave = SiteRoute(.POST, "cotisations", "renouvellement", "reglages")

    // Member contacts (the handler checks the company is theirs)
    static let renewalConfirm = SiteRoute(.POST, "adherents", ":companyID", "renouvellement")

    static let renewal: [SiteRoute] = [renewalPreview, renewalRun, renewalSettings, renewalSettingsSave, renewalConfirm]
}
