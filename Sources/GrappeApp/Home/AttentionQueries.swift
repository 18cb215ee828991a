import Fluent
import Vapor

/// What waits for a decision, for the dashboard: each line links to where it is handled.
enum AttentionQueries {
    static func items(_ db: any Database, organisationID orgID: UUID, staff: Bool, now: Date) async throws -> HTML {
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
        let items = lines.filter { $0.0 > 0 }.map { HTML("<li><a href=\"\($0.2)\"><strong>\($0.0)</strong> \($0.1)</a></li>") }
        guard !items.isEmpty else { return "<section class=\"panel\"><h2>À traiter</h2><p>Rien n'attend de décision.</p></section>" }
        return "<section class=\"panel\"><h2>À traiter</h2><ul>\(items)</ul></section>"
    }
}
