import Fluent
import Foundation
import GrappeDomain

/// A campaign's staff page as the queries read it: its figures, the latest pledges and one page
/// of its items under the reader's filters. Rendered by `CollecteView.campaign`.
struct CampaignPage: Sendable {
    let campaign: CollectCampaign
    let figures: CollectFigures
    let pledges: [CollectPledge]
    let items: [CollectItem]
    let pages: Pagination
    let filter: ItemFilter
    /// Staff: the button to record a pledge.
    let staff: Bool

    static func load(_ db: any Database, campaign c: CollectCampaign, filter: ItemFilter, page: Int?, staff: Bool) async throws -> CampaignPage {
        let campaignID = try c.requireID()
        let figures = try await CollectQueries.figures(db, campaignID: campaignID)
        let (items, pages) = try await ItemFilter.page(db, requestedPage: page, campaignID: campaignID, filter: filter)
        let pledges = try await CollectPledge.query(on: db).filter(\.$campaign.$id == campaignID).sort(\.$createdAt, .descending).limit(100).all()
        return CampaignPage(campaign: c, figures: figures, pledges: pledges, items: items, pages: pages, filter: filter, staff: staff)
    }
}
