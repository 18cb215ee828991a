import Vapor

/// `grappe purge-candidates`: deletes the candidate pool's applications whose 24 months are
/// over, files included. `serve` does it every hour; this is for a cron on other setups.
struct PurgeCandidatesCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Supprime les candidatures libres arrivées au terme de leur conservation (CV compris)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await Bootstrap.migrate(context.application)
        let count = try await CandidateService.purgeExpired(app: context.application, now: context.application.now)
        context.console.print("\(count) candidature(s) supprimée(s).")
    }
}
