import Foundation
import Testing
@testable import GrappeDomain

@Suite struct ICalendarTests {
    @Test func escapesFoldsAndEndsLinesWithCRLF() {
        let event = ICalendar.Event(uid: "1@grappe", start: FrenchDate.at(FrenchDate.make(2025, 2, 13), minutes: 720),
                                    end: FrenchDate.at(FrenchDate.make(2025, 2, 13), minutes: 810),
                                    summary: "Commission; DATA, IA\\ et « intelligence artificielle » — une réunion au titre très, très long pour forcer le pliage",
                                    description: "Ligne 1\nLigne 2")
        let text = ICalendar(name: "Test", events: [event], stamp: Date(timeIntervalSince1970: 0)).render()
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Commission\\; DATA\\, IA\\\\ et « intelligence artificielle »"))
        #expect(unfolded.contains("DESCRIPTION:Ligne 1\\nLigne 2"))
        #expect(unfolded.contains("DTSTART;TZID=Pacific/Noumea:20250213T120000"))
        #expect(unfolded.contains("DTSTAMP:19700101T000000Z"))
        #expect(unfolded.contains("TZOFFSETTO:+1100"))
    }

    @Test func anInvitationCarriesItsMethodSequenceAndPeople() {
        let start = FrenchDate.at(FrenchDate.make(2026, 10, 6), minutes: 540)
        let event = ICalendar.Event(uid: "d-1@grappe", start: start, end: start.addingTimeInterval(3600), summary: "Diagnostic",
                                    sequence: 2, organizer: "contact@open.nc", attendees: ["lea@boulangerie.example", "conseil@open.nc"])
        let request = ICalendar(name: "Diagnostic", events: [event], stamp: Date(timeIntervalSince1970: 0), method: "REQUEST").render()
        #expect(request.contains("\r\nMETHOD:REQUEST\r\n") && !request.contains("METHOD:PUBLISH"))
        #expect(request.contains("\r\nSEQUENCE:2\r\n") && request.contains("\r\nORGANIZER:mailto:contact@open.nc\r\n"))
        #expect(request.replacingOccurrences(of: "\r\n ", with: "").contains("ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:lea@boulangerie.example"))
        #expect(request.contains("DTSTART;TZID=Pacific/Noumea:20261006T090000") && request.contains("DTEND;TZID=Pacific/Noumea:20261006T100000"))
        let published = ICalendar(name: "Agenda", events: [ICalendar.Event(uid: "x", start: start, end: start, summary: "x")]).render()
        #expect(published.contains("METHOD:PUBLISH") && !published.contains("SEQUENCE") && !published.contains("ATTENDEE"), "subscribed calendars unchanged")
    }

    @Test func meetingsOnTheRuleBecomeOneRecurringEvent() throws {
        let rule = try MeetingRule(ordinal: .second, weekday: 5, start: 720, end: 810)
        func item(_ month: Int, _ day: Int, minutes: Int = 720, cancelled: Bool = false) -> MeetingSeries.Item {
            let date = FrenchDate.make(2025, month, day)
            return .init(id: "\(month)-\(day)", start: FrenchDate.at(date, minutes: minutes), end: FrenchDate.at(date, minutes: minutes + 90), cancelled: cancelled)
        }
        // Feb 13, Mar 13 (cancelled), Apr 10, May 8; June moved to the 19th; July 10.
        let events = MeetingSeries.events(groupUID: "g", title: "Cyber", rule: rule,
                                          meetings: [item(2, 13), item(3, 13, cancelled: true), item(4, 10), item(5, 8), item(6, 19), item(7, 10)])
        #expect(events.count == 2)
        let series = events[0]
        #expect(series.rrule == "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20250710T023000Z")
        #expect(series.exceptions.map(FrenchDate.iso) == ["2025-03-13", "2025-06-12"])
        #expect(FrenchDate.iso(events[1].start) == "2025-06-19")
        #expect(events[1].rrule == nil)
    }

    @Test func withoutRuleEveryMeetingIsSingle() {
        let a = MeetingSeries.Item(id: "a", start: FrenchDate.make(2025, 1, 1), end: FrenchDate.make(2025, 1, 1).addingTimeInterval(3600), cancelled: false)
        #expect(MeetingSeries.events(groupUID: "g", title: "Club", rule: nil, meetings: [a]).count == 1)
    }
}
