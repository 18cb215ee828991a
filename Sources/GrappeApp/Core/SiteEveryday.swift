import Vapor

/// The routes added to smooth everyday work: reading one message of the outbox, and adding a
/// participant on site at an event's check-in.
extension Site {
    static let outboxShow = SiteRoute(.GET, "courriels", ":messageID")
    static let eventCheckInAdd = SiteRoute(.POST, "evenements", ":eventID", "accueil")

    static let everyday: [SiteRoute] = [outboxShow, eventCheckInAdd]
}
