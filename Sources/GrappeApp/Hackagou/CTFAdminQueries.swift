import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Vapor

/// What the staff's pages read beyond the snapshot.
enum CTFAdminQueries {
    static func editionPage(_ db: any Database, edition e: CTFEdition, boards app: Application) async throws -> CTFAdminView.EditionPage {
        let id = try e.requireID()
        let snap = try await app.ctfBoards.refresh(id, db: db)
        let row = try await db.sql.raw("""
            SELECT (SELECT COUNT(*) FROM ctf_teams WHERE edition_id = \(bind: id)) AS teams,
            (SELECT COUNT(*) FROM ctf_players WHERE edition_id = \(bind: id)) AS players,
            (SELECT COUNT(*) FROM ctf_players WHERE edition_id = \(bind: id) AND checked_in_at IS NOT NULL) AS checked,
            (SELECT COUNT(*) FROM ctf_attempts WHERE edition_id = \(bind: id)) AS attempts,
            (SELECT COUNT(*) FROM ctf_attempts WHERE edition_id = \(bind: id) AND correct = \(bind: false)) AS wrong
            """).first()
        let n = { (c: String) in (try? row?.decode(column: c, as: Int.self)) ?? 0 }
        let lines = (snap?.challenges.values.sorted { ($0.category, $0.position, $0.name) < ($1.category, $1.position, $1.name) } ?? []).map { c in
            CTFAdminView.ChallengeLine(id: c.id, category: c.category, name: c.name, visible: c.visible, value: snap?.values[c.id] ?? c.scoring.initial,
                                       solves: snap?.solveCounts[c.id] ?? 0, flags: c.flags.count,
                                       firstBlood: snap?.firstBloods[c.id].flatMap { snap?.teams[$0.teamID]?.name })
        }
        let sponsors = try await CTFSponsors.ids(db, editionID: id)
        let partners = CTFSponsors.offered(try await CTFSponsors.partners(db, organisationID: e.$organisation.id), year: e.year, chosen: sponsors)
        return CTFAdminView.EditionPage(edition: e, teams: n("teams"), players: n("players"), checkedIn: n("checked"), attempts: n("attempts"),
                                        wrong: n("wrong"), challenges: lines, sponsors: sponsors, partners: partners)
    }
}
