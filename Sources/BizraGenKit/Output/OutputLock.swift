#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory `flock` on `.bizra-gen.lock` in the output root, held until released or
/// deinitialized, so that two builds on one output root never interleave.
final class OutputLock {
    static let fileName = ".bizra-gen.lock"

    private let fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit {
        _ = flock(fd, LOCK_UN)
        close(fd)
    }

    /// Takes the exclusive lock, creating the lock file when missing; waits for other holders.
    static func exclusive(in root: Directory) throws -> OutputLock {
        let fd = openat(root.fd, fileName, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.io(path: root.child(fileName), operation: "open lock file", errno: errno) }
        return try lock(fd, LOCK_EX, path: root.child(fileName))
    }

    /// Takes a shared lock when the lock file exists; `nil` when no build ever made one.
    static func shared(in root: Directory) throws -> OutputLock? {
        let fd = openat(root.fd, fileName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw OutputError.io(path: root.child(fileName), operation: "open lock file", errno: errno)
        }
        return try lock(fd, LOCK_SH, path: root.child(fileName))
    }

    private static func lock(_ fd: Int32, _ operation: Int32, path: String) throws -> OutputLock {
        while flock(fd, operation) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(fd)
            throw OutputError.io(path: path, operation: "lock", errno: code)
        }
        return OutputLock(fd: fd)
    }
}
