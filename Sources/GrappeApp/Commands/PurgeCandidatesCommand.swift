import Fluent
import GrappeDomain
import Vapor

/// `grappe purge-candidates`: deletes the candidate pool's applications whose 24 months are
/// over, files included, and stops sharing the Hackagou players whose 24 months are over.
/// `serve` does it every hour; this is for a cron on other setups.
struct PurgeCandidatesCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Supprime les candidatures libres arrivées au terme de leur conservation (CV compris) et retire du vivier les joueurs partagés depuis 24 mois." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await Bootstrap.migrate(context.application)
        let count = try await CandidateService.purgeExpired(app: context.application, now: context.application.now)
        let players = try await CTFProfileSharing.purgeExpired(context.application.db, now: context.application.now, logger: context.application.logger)
        context.console.print("\(French.count(count, "candidature supprimée", "candidatures supprimées")), \(French.count(players, "profil de joueur retiré", "profils de joueur retirés")) du vivier.")
    }
}
