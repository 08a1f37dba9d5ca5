/// The UTF-8 bytes of a generated text (YAML, dashboard JSON) as it is built: appends go straight
/// into one byte array, with no string concatenation in between.
struct UTF8Buffer {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The number of bytes written so far.
    var count: Int { bytes.count }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
    }

    /// One ASCII character.
    mutating func write(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func writeSpaces(_ count: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// The bytes from `start` on, as text.
    func text(from start: Int) -> String {
        String(decoding: bytes[start...], as: UTF8.self)
    }

    mutating func insert(_ text: String, at index: Int) {
        bytes.insert(contentsOf: Array(text.utf8), at: index)
    }
}
