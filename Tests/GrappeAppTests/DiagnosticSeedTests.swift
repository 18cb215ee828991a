import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

extension AppTests {
    /// M022 and the bootstrap: every organisation starts with questionnaire v1 published and the
    /// starter catalogue; an email with an invitation goes out as text plus a text/calendar part.
    @Suite struct DiagnosticSeedTests {
        @Test func anOrganisationStartsWithTheQuestionnaireAndTheCatalogue() async throws {
            try await withGrappe { app in
                let orgID = try await Fixtures.organisationID(app)
                let versions = try await QuestionnaireVersion.query(on: app.db).filter(\.$organisation.$id == orgID).all()
                #expect(versions.map(\.version) == [1] && versions.first?.status == .published)
                #expect(try versions.first?.questionnaire() == DiagnosticQuestionnaire.v1, "the stored JSON reads back as the domain's v1")
                let actions = try await DiagnosticActionRecord.query(on: app.db).filter(\.$organisation.$id == orgID).sort(\.$position).all()
                #expect(actions.map(\.action) == DiagnosticActionCatalogue.starter)
                // Seeding again changes nothing.
                try await DiagnosticDefaults.seed(organisationID: orgID, on: app.db)
                #expect(try await DiagnosticActionRecord.query(on: app.db).count() == DiagnosticActionCatalogue.starter.count)
            }
        }

        @Test func anInvitationIsSentAsACalendarPart() {
            let ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"
            let mail = MailMessage(from: "contact@open.nc", to: "lea@boulangerie.example", subject: "Rendez-vous", body: "Bonjour Léa", calendar: ics)
            let wire = mail.unstuffedFormat
            #expect(wire.contains("Content-Type: multipart/mixed; boundary="))
            #expect(wire.contains("Content-Type: text/calendar; charset=utf-8; method=REQUEST"))
            #expect(wire.contains(Data(ics.utf8).base64EncodedString()))
            #expect(wire.contains("Bonjour L=C3=A9a"))
            let plain = MailMessage(from: "contact@open.nc", to: "x@y.example", subject: "s", body: "b").unstuffedFormat
            #expect(plain.contains("Content-Type: text/plain; charset=utf-8") && !plain.contains("multipart"))
        }
    }
}
