import Fluent
import SQLKit

/// A team's solves are read on every page it opens (`CTFSnapshot.solvedNow`): the unique index
/// (challenge, team) cannot serve a lookup by team.
struct M020IndexCTFSolvesByTeam: AsyncMigration {
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.create(index: "ctf_solves_by_team").on("ctf_solves").column("team_id").run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.drop(index: "ctf_solves_by_team").run()
    }
}
