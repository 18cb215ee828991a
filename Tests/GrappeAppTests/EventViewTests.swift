import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The event pages drawn from events in memory: no database, no request.
@Suite struct EventViewTests {
    static let now = FrenchDate.make(2026, 5, 1)

    static func event(status: EventStatus = .planned, kind: EventKind = .afterwork, starts: Date = FrenchDate.make(2026, 5, 20)) -> ClusterEvent {
        let e = ClusterEvent(organisationID: UUID(), kind: kind, title: "Afterwork <IA>", startsAt: starts, endsAt: starts.addingTimeInterval(7200),
                             capacity: 30, status: status)
        e.id = UUID()
        e.$host.value = .some(nil)
        return e
    }

    static func registration(_ e: ClusterEvent, _ status: RegistrationStatus = .confirmed, checkedIn: Bool = false) -> Registration {
        let r = Registration(eventID: e.id!, personID: nil, name: "Noé <K>", email: "noe@example.nc", status: status, token: "tok-\(UUID().uuidString)")
        r.id = UUID()
        r.checkedInAt = checkedIn ? now : nil
        return r
    }

    static func page(_ e: ClusterEvent, _ registrations: [Registration] = [], mine: Registration? = nil) -> EventPage {
        EventPage(event: e, host: nil, registrations: registrations, confirmed: registrations.filter { $0.status == .confirmed }.count,
                  waiting: registrations.filter { $0.status == .waitlisted }.count, mine: mine)
    }

    @Test func theAgendaLinksEachEventAndSaysWhenNoneIsComing() {
        let e = Self.event(status: .standby)
        let html = EventView.list(upcoming: [e], past: [], staff: false).raw
        #expect(html.contains("<a href=\"\(Site.eventShow.path(e))\">Afterwork &lt;IA&gt;</a>") && html.contains("Aucun événement passé."))
        #expect(html.contains("<span class=\"badge badge-warn\">En suspens</span>"))
        #expect(!html.contains(Site.eventNewForm.path()))
        let staff = EventView.list(upcoming: [], past: [e], staff: true).raw
        #expect(staff.contains("Aucun événement à venir pour le moment.") && staff.contains("href=\"\(Site.eventNewForm.path())\""))
    }

    @Test func aVisitorGetsTheGuestFormAndASignedInReaderOneClick() {
        let e = Self.event()
        let visitor = EventView.page(Self.page(e), reader: .init(staff: false, signedIn: false), now: Self.now, form: FormState(), csrf: .empty).raw
        #expect(visitor.contains("action=\"\(Site.eventRegister.path(e))\" class=\"inline-form\"") && visitor.contains("name=\"email\""))
        #expect(visitor.contains("<div class=\"hp\"") && visitor.contains("<p>0 / 30 places</p>") && !visitor.contains("Accueil des participants"))
        let member = EventView.page(Self.page(e), reader: .init(staff: false, signedIn: true), now: Self.now, form: FormState(), csrf: "<input name=\"_csrf\">").raw
        #expect(member.contains("action=\"\(Site.eventRegister.path(e))\"><input name=\"_csrf\"><button class=\"primary\">M'inscrire</button>"))
        #expect(!member.contains("name=\"email\""))
    }

    @Test func aRegisteredReaderMayCancelAndAClosedEventSaysSo() {
        let e = Self.event()
        let mine = Self.registration(e, .waitlisted)
        let html = EventView.page(Self.page(e, [mine], mine: mine), reader: .init(staff: false, signedIn: true), now: Self.now, form: FormState(), csrf: .empty).raw
        #expect(html.contains("Vous êtes sur la liste d&#39;attente") && html.contains("action=\"\(Site.eventUnregister.path(e))\""))
        #expect(html.contains("0 / 30 places · 1 en liste d&#39;attente"))
        let past = EventView.page(Self.page(e), reader: .init(staff: false, signedIn: true), now: FrenchDate.make(2026, 6, 1), form: FormState(), csrf: .empty).raw
        #expect(past.contains("<p>Les inscriptions sont fermées (prévu).</p>"))
        #expect(!past.contains(Site.eventRegister.path(e)))
    }

    @Test func staffSeeTheRegistrationsAndTheirTools() {
        let e = Self.event(kind: .generalAssembly)
        let html = EventView.page(Self.page(e, [Self.registration(e)]), reader: .init(staff: true, signedIn: true), now: Self.now, form: FormState(), csrf: .empty).raw
        #expect(html.contains("<tr><td>Noé &lt;K&gt;</td><td>noe@example.nc</td>") && html.contains("Inscriptions (1 / 30 places)"))
        #expect(html.contains("href=\"\(Site.eventCheckInList.path(e))\"") && html.contains("href=\"\(Site.eventEditForm.path(e))\""))
        #expect(html.contains("href=\"\(Site.assemblyShow.path(e))\""))
    }

    @Test func theCheckInListAndTheGuestCancellation() {
        let e = Self.event()
        let here = Self.registration(e, checkedIn: true), coming = Self.registration(e)
        let list = CheckInView.page(e, registrations: [here, coming], search: "", form: FormState(), csrf: .empty).raw
        #expect(list.contains("1 arrivé sur 2 inscrits") && list.contains("action=\"\(Site.eventCheckIn.path(e, here.id!))\""))
        #expect(list.contains("<li class=\"checkin here\"><span>Noé &lt;K&gt;</span>") && list.contains("Annuler l&#39;arrivée"))
        #expect(list.contains("action=\"\(Site.eventCheckInAdd.path(e))\"") && list.contains("Ajouter un participant sur place"))
        #expect(CheckInView.page(e, registrations: [], search: "", form: FormState(), csrf: .empty).raw.contains("Aucun inscrit."))
        // The search folds accents and case, on the name, the email and the company.
        let onSite = Self.registration(e); onSite.name = "Jeanne Wema"; onSite.email = ""; onSite.company = "Kaori Électricité"
        #expect(CheckInView.matches(here, "NOE") && CheckInView.matches(here, "example.nc") && !CheckInView.matches(here, "zoé"))
        #expect(CheckInView.matches(onSite, "electricite wema") && !CheckInView.matches(onSite, "noé"))
        let searched = CheckInView.page(e, registrations: [here, onSite], search: "kaori", form: FormState(), csrf: .empty).raw
        #expect(searched.contains("Jeanne Wema <small>· Kaori Électricité</small>") && !searched.contains("Noé &lt;K&gt;</span>"))
        #expect(searched.contains("name=\"q\" value=\"kaori\""), "the search travels with the arrival buttons and stays in the box")
        #expect(CheckInView.page(e, registrations: [here], search: "zz", form: FormState(), csrf: .empty).raw.contains("Aucun inscrit ne correspond à « zz »."))
        let cancel = EventView.cancel(coming, event: e, csrf: .empty).raw
        #expect(cancel.contains("action=\"\(Site.eventCancelByToken.path(coming.token))\"") && cancel.contains("Noé &lt;K&gt;, vous êtes inscrit(e) à « Afterwork &lt;IA&gt; »"))
        let done = Self.registration(e, .cancelled)
        #expect(EventView.cancel(done, event: e, csrf: .empty).raw.contains("Cette inscription est déjà annulée."))
    }
}
