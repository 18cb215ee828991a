import Foundation

/// How many tests run at once. The root suite is not serialized, so Swift Testing would start
/// every test together; each takes a slot here first. A test that reads process-wide state (the
/// query count of `QueryLog`) takes them all: it runs alone, and `QueryLog` refuses to be read
/// by a test that did not.
actor TestSlots {
    static let shared = TestSlots(width: max(2, min(4, ProcessInfo.processInfo.activeProcessorCount * 2)))

    private let width: Int
    private var busy = 0
    private var exclusive = false
    private var waiting: [(alone: Bool, resume: CheckedContinuation<Void, Never>)] = []

    init(width: Int) { self.width = width }

    /// Set while a test holding every slot runs.
    @TaskLocal static var alone = false

    func acquire(alone: Bool) async {
        if waiting.isEmpty, fits(alone) { take(alone); return }
        await withCheckedContinuation { waiting.append((alone, $0)) }
    }

    func release() {
        busy -= 1
        exclusive = false
        // In arrival order, so that a test waiting to run alone is not overtaken forever.
        while let next = waiting.first, fits(next.alone) {
            waiting.removeFirst()
            take(next.alone)
            next.resume.resume()
        }
    }

    private func fits(_ alone: Bool) -> Bool { !exclusive && (alone ? busy == 0 : busy < width) }

    private func take(_ alone: Bool) {
        busy += 1
        exclusive = alone
    }
}
