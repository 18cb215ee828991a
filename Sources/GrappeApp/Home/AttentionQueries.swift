import Fluent
import Vapor

/// One kind of thing waiting for a decision: how many, what they are, and the path of the
/// page where they are handled.
struct AttentionItem: Sendable, Equatable {
    let count: Int
    let label: String
    let path: String
}

/// What waits for a decision, for the dashboard (`DashboardView` draws it): the board sees the
/// join applications, staff everything they handle.
enum AttentionQueries {
    /// The kinds with something waiting, in a fixed order; empty when nothing waits.
    static func items(_ db: any Database, organisationID orgID: UUID, staff: Bool, now: Date) async throws -> [AttentionItem] {
        var lines: [(Int, String, String)] = []
        lines.append((try await MembershipApplication.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .pending).count(),
                      "demande(s) d'adhésion à décider", Site.applicationsIndex.path()))
        if staff {
            lines.append((try await DirectoryRequest.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .pending).count(),
                          "demande(s) de correction ou de retrait dans l'annuaire", Site.directoryAdminIndex.path()))
            lines.append((try await DirectoryQueries.staleCount(db, organisationID: orgID, now: now),
                          "fiche(s) d'annuaire non vérifiée(s) depuis un an", Site.directoryAdminIndex.path()))
            lines.append((try await NewsPost.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .pending).count(),
                          "actualité(s) à modérer", Site.newsManage.path()))
            lines.append((try await ProgrammeQueries.behindCount(db, organisationID: orgID, now: now),
                          "indicateur(s) de programme en retard sur leur cible", Site.programmeIndex.path()))
            lines.append((try await CollectPledge.query(on: db).join(CollectCampaign.self, on: \CollectPledge.$campaign.$id == \CollectCampaign.$id)
                            .filter(CollectCampaign.self, \.$organisation.$id == orgID).filter(\.$pickupOn == nil).count(),
                          "promesse(s) de don à planifier (Grande Collecte)", Site.collecteIndex.path()))
            lines.append((try await DataRequest.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .pending).count(),
                          "demande(s) sur des données personnelles", Site.privacyQueue.path()))
        }
        return lines.filter { $0.0 > 0 }.map { AttentionItem(count: $0.0, label: $0.1, path: $0.2) }
    }
}
