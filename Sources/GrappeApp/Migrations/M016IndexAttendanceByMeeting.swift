import Fluent
import SQLKit

/// Counting who was present at each meeting reads only this index (meeting, status), not the
/// attendance rows: the report's scan of a year's million attendance rows stays in the index.
struct M016IndexAttendanceByMeeting: AsyncMigration {
    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX idx_attendances_meeting_status ON attendances (meeting_id, status)").run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX idx_attendances_meeting_status").run()
    }
}
