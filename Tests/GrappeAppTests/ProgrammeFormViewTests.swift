import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The programme form drawn from values in memory: no database, no request.
@Suite struct ProgrammeFormViewTests {
    @Test func theFormChecksTheAxesAndTheConsortiumAlreadyChosen() {
        let inside = Company(), outside = Company()
        inside.id = UUID(); inside.name = "Skazy <SARL>"
        outside.id = UUID(); outside.name = "Acme"
        var form = FormState(values: ["name": "Numé<Raï>", "status": "running"])
        form.errors["endsOn"] = "La fin précède le début."
        let html = ProgrammeFormView.render(title: "Modifier « NuméRaï »", action: Site.programmeFormUpdate.path("numerai"), form: form,
                                            axes: [.network], companies: [inside, outside], consortium: [inside.id!], csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<h1>Modifier « NuméRaï »</h1>") && html.contains("action=\"\(Site.programmeFormUpdate.path("numerai"))\" class=\"stack\"><input name=\"_csrf\">"))
        #expect(html.contains("value=\"\(inside.id!.uuidString)\" checked> Skazy &lt;SARL&gt;</label>"))
        #expect(html.contains("value=\"\(outside.id!.uuidString)\"> Acme</label>"))
        #expect(html.contains("name=\"axes[]\" value=\"2\" checked>") && html.contains("name=\"axes[]\" value=\"1\">"))
        #expect(html.contains("value=\"Numé&lt;Raï&gt;\"") && html.contains("<option value=\"running\" selected>") && html.contains("La fin précède le début."))
    }
}
