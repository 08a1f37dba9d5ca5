import Dispatch

/// Hands the last reference to a large value to another thread, which frees it while this one goes
/// on: freeing a tree of a million nodes takes tens of milliseconds that a build need not wait for.
/// Pass the value with `consume`, so that no reference stays behind on this thread.
public func releaseInBackground<T: Sendable>(_ value: consuming T) {
    let box = ReleaseBox(value)
    DispatchQueue.global(qos: .utility).async { box.value = nil }
}

private final class ReleaseBox<T: Sendable>: @unchecked Sendable {
    // Written once, by the thread that frees it.
    var value: T?
    init(_ value: consuming T) { self.value = value }
}
