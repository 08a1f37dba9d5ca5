import Dispatch

extension Array where Element: Sendable {
    /// `map(transform)` with the elements spread over the machine's cores. Each result lands in its
    /// element's slot, so the order, and everything built from it, never depends on scheduling.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.buffer[index] = transform(self[index])
            }
        }
        return results.map { $0! }
    }
}

/// The result slots, written by several threads: each index by exactly one of them.
private struct Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
}
