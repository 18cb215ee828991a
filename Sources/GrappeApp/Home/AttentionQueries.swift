import Fluent
import GrappeDomain
import Vapor

/// One kind of thing waiting for a decision: how many, what they are, and the path of the
/// page where they are handled.
struct AttentionItem: Sendable, Equatable {
    let count: Int
    /// Agreed with `count` (« 1 actualité à modérer », « 2 actualités à modérer »).
    let label: String
    let path: String
}

/// What waits for a decision, for the dashboard (`DashboardView` draws it): the board sees the
/// join applications, staff everything they handle.
enum AttentionQueries {
    /// The kinds with something waiting, in a fixed order; empty when nothing waits.
    static func items(_ db: any Database, organisationID orgID: UUID, staff: Bool, now: Date) async throws -> [AttentionItem] {
        var lines: [(Int, String, String, String)] = []
        lines.append((try await MembershipApplication.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .pending).count(),
                      "demande d'adhésion à décider", "demandes d'adhésion à décider", Site.applicationsIndex.path()))
        if staff {
            lines.append((try await DirectoryRequest.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .pending).count(),
                          "demande de correction ou de retrait dans l'annuaire", "demandes de correction ou de retrait dans l'annuaire", Site.directoryAdminIndex.path()))
            lines.append((try await DirectoryQueries.staleCount(db, organisationID: orgID, now: now),
                          "fiche d'annuaire non vérifiée depuis un an", "fiches d'annuaire non vérifiées depuis un an", Site.directoryAdminIndex.path()))
            lines.append((try await NewsPost.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .pending).count(),
                          "actualité à modérer", "actualités à modérer", Site.newsManage.path()))
            lines.append((try await ProgrammeQueries.behindCount(db, organisationID: orgID, now: now),
                          "indicateur de programme en retard sur sa cible", "indicateurs de programme en retard sur leur cible", Site.programmeIndex.path()))
            lines.append((try await CollectPledge.query(on: db).join(CollectCampaign.self, on: \CollectPledge.$campaign.$id == \CollectCampaign.$id)
                            .filter(CollectCampaign.self, \.$organisation.$id == orgID).filter(\.$pickupOn == nil).count(),
                          "promesse de don à planifier (Grande Collecte)", "promesses de don à planifier (Grande Collecte)", Site.collecteIndex.path()))
            lines.append((try await DataRequest.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .pending).count(),
                          "demande sur des données personnelles", "demandes sur des données personnelles", Site.privacyQueue.path()))
        }
        return lines.filter { $0.0 > 0 }.map { AttentionItem(count: $0.0, label: French.word($0.0, $0.1, $0.2), path: $0.3) }
    }
}
