import Foundation
import Testing

/// Reads an iCalendar text with Python's `icalendar` library (a real, independent parser) and
/// expands its recurrences with `dateutil`, as a calendar application would. Returns the local
/// start times ("2025-02-13 12:00") of every occurrence, the event count and the calendar name.
enum PythonICS {
    struct Reading: Decodable {
        let events: Int
        let name: String
        let starts: [String]
    }

    static let script = #"""
import json, sys
from icalendar import Calendar
from dateutil.rrule import rrulestr
cal = Calendar.from_ical(sys.stdin.buffer.read())
starts, events = [], 0
for ev in cal.walk('VEVENT'):
    events += 1
    if str(ev.get('STATUS', '')) == 'CANCELLED':
        continue
    start = ev.decoded('DTSTART')
    if 'RRULE' in ev:
        rule = ev['RRULE'].to_ical().decode()
        excluded = set()
        ex = ev.get('EXDATE')
        for group in (ex if isinstance(ex, list) else ([ex] if ex else [])):
            for d in group.dts:
                excluded.add(d.dt.strftime('%Y-%m-%d %H:%M'))
        for occ in rrulestr(rule, dtstart=start):
            text = occ.strftime('%Y-%m-%d %H:%M')
            if text not in excluded:
                starts.append(text)
    else:
        starts.append(start.strftime('%Y-%m-%d %H:%M'))
print(json.dumps({"events": events, "name": str(cal.get('X-WR-CALNAME', '')), "starts": sorted(starts)}))
"""#

    static func read(_ ics: String) throws -> Reading {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(ics.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ParserFailure(description: "python3 icalendar failed (install it with `pip install icalendar`): \(problem)")
        }
        return try JSONDecoder().decode(Reading.self, from: data)
    }

    struct ParserFailure: Error, CustomStringConvertible { let description: String }
}
