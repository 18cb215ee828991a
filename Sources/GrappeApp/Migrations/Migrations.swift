import Fluent
import Vapor

/// Every migration, in order. Once landed, a migration is never edited: add a new one.
enum AppMigrations {
    static func register(on app: Application) {
        app.migrations.add(M001CreateOrganisations())
        app.migrations.add(M002CreatePeople())
        app.migrations.add(M003CreateUsers())
        app.migrations.add(M004CreateCompanies())
        app.migrations.add(M005CreateMemberships())
        app.migrations.add(M006CreateDues())
        app.migrations.add(M007CreateAuditAndOutbox())
        app.migrations.add(M008CreateIndexes())
        app.migrations.add(M009CreateGroups())
        app.migrations.add(M010CreateEvents())
        app.migrations.add(M011CreateAssemblies())
        app.migrations.add(M012CreatePublicServices())
        app.migrations.add(M013CreateProgrammes())
        app.migrations.add(M014CreateCollecte())
        app.migrations.add(M015CreateReports())
        app.migrations.add(M016IndexAttendanceByMeeting())
        app.migrations.add(SessionRecord.migration)
        app.migrations.add(M017AddUserSessionVersion())
        app.migrations.add(M018StoreDuePaid())
        app.migrations.add(M019CreateHackagou())
        app.migrations.add(M020IndexCTFSolvesByTeam())
        app.migrations.add(M022CreateDiagnostics())
        app.migrations.add(M023DiagnosticResults())
        app.migrations.add(M024RenewalSettings())
        app.migrations.add(M025PaymentSettings())
        app.migrations.add(M026EverydayForms())
    }
}
