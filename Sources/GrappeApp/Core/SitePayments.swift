import Vapor

/// The routes of getting paid: the cluster's bank details (Réglages) and the bank statement
/// import (staff, from the dues pages).
extension Site {
    static let paymentSettingsEdit = SiteRoute(.GET, "organisation", "banque")
    static let paymentSettingsSave = SiteRoute(.POST, "organisation", "banque")
    static let statementForm = SiteRoute(.GET, "cotisations", "releves")
    static let statementPreview = SiteRoute(.POST, "cotisations", "releves", bodyLimit: 3 * 1024 * 1024)
    static let statementRecord = SiteRoute(.POST, "cotisations", "releves", "enregistrer", bodyLimit: 3 * 1024 * 1024)
    static let statementMappingSave = SiteRoute(.POST, "cotisations", "releves", "formats")

    static let payments: [SiteRoute] = [
        paymentSettingsEdit, paymentSettingsSave, statementForm, statementPreview, statementRecord, statementMappingSave,
    ]
}
