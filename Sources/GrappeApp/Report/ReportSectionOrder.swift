/// The report's sections in the order they print. A new section is one file conforming to
/// `ReportSection`, named here.
enum ReportSections {
    static let all: [any ReportSection] = [
        EditoSection(), HistorySection(), GovernanceSection(), CharterSection(), FeesSection(), KeyFiguresSection(),
        EventsSection(), HackagouSection(), ProgrammesSection(), DiagnosticSection(), CollecteSection(), DirectorySection(), CommissionsSection(), ClubsSection(), NetworksSection(),
        PartnersSection(), VolunteerSection(), ThanksSection(), MembersSection(), ContactSection(),
    ]
}
