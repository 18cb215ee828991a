/// A seeded generator (SplitMix64): the demo draws the same values at every load, on every
/// machine, so its figures are the same everywhere.
struct DemoRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0..<bound (the remainder: the demo's draws depend on it, keep it).
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A value in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
}
