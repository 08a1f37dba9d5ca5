#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an output tree could not be read or written. Nothing outside the output root is
/// touched in any case, and after a failed write the previous tree is intact.
public enum OutputError: Error, Equatable, CustomStringConvertible {
    /// A path of the tree, or the output folder name, is not a plain relative path.
    case invalidPath(String, reason: String)
    /// A symbolic link at `path`, where only real folders and files may be.
    case symlink(path: String)
    /// Something other than a folder or regular file at `path`.
    case unexpectedFileType(path: String, found: String)
    /// The system refused `operation` on `path` with `errno`.
    case io(path: String, operation: String, errno: Int32)

    public var description: String {
        switch self {
        case let .invalidPath(path, reason):
            "invalid output path \"\(path)\": \(reason)"
        case let .symlink(path):
            "\(path) is a symbolic link; refusing to write through it (the output folder must hold only real folders and files)"
        case let .unexpectedFileType(path, found):
            "\(path) is \(found); expected a folder or a regular file"
        case let .io(path, operation, errno):
            "cannot \(operation) \(path): \(String(cString: strerror(errno))) (errno \(errno))"
        }
    }
}
