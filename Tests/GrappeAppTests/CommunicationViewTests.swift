import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The communication figures drawn from records in memory: no database, no request.
@Suite struct CommunicationViewTests {
    static func figure() -> CommunicationFigure {
        let f = CommunicationFigure(organisationID: UUID(), year: 2026, channel: "LinkedIn <pro>", metric: .followers, value: 1505, source: "Statistiques")
        f.id = UUID()
        return f
    }

    @Test func staffCanEnterAndRemoveFigures() {
        let f = Self.figure()
        let html = CommunicationView.panel([f], year: 2026, form: FormState(), staff: true, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<td>LinkedIn &lt;pro&gt;</td><td>Abonnés</td><td class=\"num\">\(Money.grouped(1505))</td><td>Statistiques</td>"))
        #expect(html.contains("action=\"\(Site.communicationDelete.path(2026, f.id!))\"") && html.contains("action=\"\(Site.communicationSave.path(2026))\""))
        let board = CommunicationView.panel([f], year: 2026, form: FormState(), staff: false, csrf: .empty).raw
        #expect(!board.contains(Site.communicationDelete.path(2026, f.id!)) && !board.contains(Site.communicationSave.path(2026)))
        #expect(CommunicationView.panel([], year: 2026, form: FormState(), staff: false, csrf: .empty).raw.contains("Aucun chiffre saisi"))
    }

    @Test func aRefusedFigureKeepsWhatWasTyped() {
        let form = FormState(values: ["channel": "Face<book>", "value": "beaucoup"], errors: ["value": "Un nombre entier positif, par exemple 1 505."])
        let html = CommunicationView.refused([], year: 2026, form: form, staff: true, csrf: .empty).raw
        #expect(html.contains("Le chiffre n'a pas été enregistré") && html.contains("value=\"Face&lt;book&gt;\""))
        #expect(html.contains("<p class=\"error\" id=\"value-error\">Un nombre entier positif, par exemple 1 505.</p>"))
        #expect(html.contains("<a href=\"\(Site.reportShow.path(2026))\">2026</a>"))
    }
}
