/// Chooses the bytes between two merged pieces (white space between
/// words, blank lines between blocks) from the three versions.
///
/// A side that changed the gap wins over one that kept the base's; when
/// both changed it differently, the gap with more line breaks wins, then
/// the smaller bytes — a choice that does not depend on which side is
/// "ours", so swapping the sides gives the same result.
enum GapChoice {
    /// The merged gap; nil entries are versions the piece does not exist in.
    static func pick(base: ArraySlice<UInt8>?, ours: ArraySlice<UInt8>?, theirs: ArraySlice<UInt8>?) -> ArraySlice<UInt8> {
        switch (ours, theirs) {
        case (nil, nil): return base ?? []
        case let (ours?, nil): return ours
        case let (nil, theirs?): return theirs
        case let (ours?, theirs?):
            if let base {
                if ours.elementsEqual(base) { return theirs }
                if theirs.elementsEqual(base) { return ours }
            }
            if ours.elementsEqual(theirs) { return ours }
            return preferred(ours, theirs)
        }
    }

    /// The gap kept when both sides changed it differently.
    static func preferred(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let breaksA = a.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let breaksB = b.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        if breaksA != breaksB { return breaksA > breaksB ? a : b }
        return a.lexicographicallyPrecedes(b) ? a : b
    }

    /// Whether `bytes` is only spaces, tabs and line breaks.
    static func isWhiteSpace(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
