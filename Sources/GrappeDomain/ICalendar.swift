import Foundation

/// iCalendar (RFC 5545) output: CRLF lines folded at 75 octets, escaped text, local times in
/// Pacific/Noumea with its VTIMEZONE (UTC+11, no daylight saving time).
public struct ICalendar: Sendable {
    public struct Event: Sendable {
        public var uid: String
        public var start: Date
        public var end: Date
        public var summary: String
        public var description = ""
        public var location = ""
        public var cancelled = false
        public var rrule: String? = nil
        public var exceptions: [Date] = []
        /// Raised each time a scheduled invitation (METHOD:REQUEST) changes; written when set.
        public var sequence: Int? = nil
        /// The organiser's and the attendees' addresses, for invitations.
        public var organizer: String? = nil
        public var attendees: [String] = []

        public init(uid: String, start: Date, end: Date, summary: String, description: String = "", location: String = "",
                    cancelled: Bool = false, rrule: String? = nil, exceptions: [Date] = [], sequence: Int? = nil,
                    organizer: String? = nil, attendees: [String] = []) {
            self.uid = uid
            self.start = start
            self.end = end
            self.summary = summary
            self.description = description
            self.location = location
            self.cancelled = cancelled
            self.rrule = rrule
            self.exceptions = exceptions
            self.sequence = sequence
            self.organizer = organizer
            self.attendees = attendees
        }
    }

    public var name: String
    public var events: [Event]
    public var stamp: Date
    /// PUBLISH for a subscribed calendar; REQUEST or CANCEL for an invitation sent by email.
    public var method: String

    public init(name: String, events: [Event], stamp: Date = Date(), method: String = "PUBLISH") {
        self.name = name
        self.events = events
        self.stamp = stamp
        self.method = method
    }

    public static let timeZoneID = "Pacific/Noumea"

    static func local(_ date: Date) -> String {
        let c = FrenchDate.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// TEXT escaping (RFC 5545 §3.3.11).
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\n")
    }

    /// Folds a content line at 75 octets without cutting a UTF-8 character.
    public static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }

    public func render() -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Grappe//Grappe//FR", "CALSCALE:GREGORIAN", "METHOD:\(method)",
                     "X-WR-CALNAME:\(Self.escape(name))", "X-WR-TIMEZONE:\(Self.timeZoneID)",
                     "BEGIN:VTIMEZONE", "TZID:\(Self.timeZoneID)", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                     "TZOFFSETFROM:+1100", "TZOFFSETTO:+1100", "TZNAME:+11", "END:STANDARD", "END:VTIMEZONE"]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(Self.utc(stamp))",
                      "DTSTART;TZID=\(Self.timeZoneID):\(Self.local(event.start))", "DTEND;TZID=\(Self.timeZoneID):\(Self.local(event.end))",
                      "SUMMARY:\(Self.escape(event.summary))"]
            if let sequence = event.sequence { lines.append("SEQUENCE:\(sequence)") }
            if let organizer = event.organizer { lines.append("ORGANIZER:mailto:\(organizer)") }
            lines += event.attendees.map { "ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:\($0)" }
            if let rrule = event.rrule { lines.append("RRULE:\(rrule)") }
            if !event.exceptions.isEmpty {
                lines.append("EXDATE;TZID=\(Self.timeZoneID):" + event.exceptions.map(Self.local).joined(separator: ","))
            }
            if !event.description.isEmpty { lines.append("DESCRIPTION:\(Self.escape(event.description))") }
            if !event.location.isEmpty { lines.append("LOCATION:\(Self.escape(event.location))") }
            lines.append("STATUS:\(event.cancelled ? "CANCELLED" : "CONFIRMED")")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }
}

/// Turns a group's meetings into calendar events: the meetings that follow the group's rule
/// become one recurring event (RRULE, with EXDATE for the dates skipped), the others stay single.
public enum MeetingSeries {
    public struct Item: Sendable {
        public let id: String
        public let start: Date
        public let end: Date
        public let cancelled: Bool
        public init(id: String, start: Date, end: Date, cancelled: Bool) {
            self.id = id
            self.start = start
            self.end = end
            self.cancelled = cancelled
        }
    }

    public static func events(groupUID: String, title: String, rule: MeetingRule?, meetings: [Item]) -> [ICalendar.Event] {
        let sorted = meetings.sorted { $0.start < $1.start }
        guard let rule else { return sorted.map { single($0, title: title) } }
        func onRule(_ m: Item) -> Bool {
            let y = FrenchDate.year(of: m.start), mo = FrenchDate.month(of: m.start)
            guard let day = rule.day(year: y, month: mo) else { return false }
            return m.start == FrenchDate.at(day, minutes: rule.start) && m.end == FrenchDate.at(day, minutes: rule.end)
        }
        let series = sorted.filter { onRule($0) && !$0.cancelled }
        guard let first = series.first, let last = series.last, series.count >= 2 else { return sorted.map { single($0, title: title) } }
        let kept = Set(series.map(\.start))
        let exceptions = rule.occurrences(from: first.start, to: last.start.addingTimeInterval(1)).map(\.start).filter { !kept.contains($0) }
        let recurring = ICalendar.Event(uid: "\(groupUID)-serie@grappe", start: first.start, end: first.end, summary: title,
                                        description: rule.label, rrule: rule.rrule + ";UNTIL=" + ICalendar.utc(last.end), exceptions: exceptions)
        let others = sorted.filter { !kept.contains($0.start) || $0.cancelled }.filter { !($0.cancelled && onRule($0)) }
        return [recurring] + others.map { single($0, title: title) }
    }

    static func single(_ m: Item, title: String) -> ICalendar.Event {
        ICalendar.Event(uid: "\(m.id)@grappe", start: m.start, end: m.end, summary: title, cancelled: m.cancelled)
    }
}
