#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An open folder. Every operation is relative to its descriptor and never follows a
/// symbolic link, so nothing reaches outside the folder it was opened on.
final class Directory {
    /// What a name in a folder is.
    enum Kind: Equatable {
        case directory, file, symlink
        case other(String)
    }

    let fd: Int32
    /// The folder's path, for messages.
    let path: String

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit {
        close(fd)
    }

    /// Opens the folder at `path`, refusing a symbolic link there.
    static func open(path: String) throws -> Directory {
        try open(at: AT_FDCWD, name: path, path: path)
    }

    /// Creates the folder at `path` and any missing parents (mode 0755, less the umask).
    static func makePath(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw OutputError.io(path: prefix, operation: "create folder", errno: errno)
            }
            prefix += "/"
        }
    }

    /// Opens the child folder `name`.
    func directory(_ name: String) throws -> Directory {
        try Self.open(at: fd, name: name, path: child(name))
    }

    /// Opens, and creates when missing (mode 0755), each folder along `components`.
    func directories(_ components: some Collection<String>, create: Bool) throws -> Directory {
        var current = self
        for name in components {
            if create, try current.kind(name) == nil {
                try current.makeDirectory(name)
            }
            current = try current.directory(name)
        }
        return current
    }

    func child(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// What `name` is, or `nil` when absent.
    func kind(_ name: String) throws -> Kind? {
        var info = stat()
        guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return nil }
            throw OutputError.io(path: child(name), operation: "inspect", errno: errno)
        }
        return Self.kind(of: info.st_mode)
    }

    /// The names in the folder, without `.` and `..`, in Unicode scalar order.
    func names() throws -> [String] {
        let copy = dup(fd)
        guard copy >= 0, let stream = fdopendir(copy) else {
            let code = errno
            if copy >= 0 { close(copy) }
            throw OutputError.io(path: path, operation: "list", errno: code)
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted(by: String.scalarOrder)
    }

    func makeDirectory(_ name: String) throws {
        guard mkdirat(fd, name, 0o755) == 0 else {
            throw OutputError.io(path: child(name), operation: "create folder", errno: errno)
        }
        guard fchmodat(fd, name, 0o755, 0) == 0 else {
            throw OutputError.io(path: child(name), operation: "set mode of", errno: errno)
        }
    }

    /// The content of the regular file `name`.
    func readFile(_ name: String) throws -> Data {
        let file = openRetryingInterrupts(fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { throw openError(name) }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0 else { throw OutputError.io(path: child(name), operation: "inspect", errno: errno) }
        guard Self.kind(of: info.st_mode) == .file else {
            throw OutputError.unexpectedFileType(path: child(name), found: Self.describe(Self.kind(of: info.st_mode)))
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError.io(path: child(name), operation: "read", errno: errno)
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[..<count])
        }
    }

    /// Creates the new file `name` holding `contents`: mode 0755 for shell scripts (`.sh`), which
    /// users run as they are, 0644 otherwise. It is not forced to disk: the swap of the whole
    /// tree is atomic against an interrupted or failed build, the tree is regenerated from the
    /// spec, and `build --check` finds any file a power loss damaged.
    func createFile(_ name: String, contents: Data) throws {
        let mode: mode_t = name.hasSuffix(".sh") ? 0o755 : 0o644
        let file = openRetryingInterrupts(fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard file >= 0 else { throw OutputError.io(path: child(name), operation: "create file", errno: errno) }
        defer { close(file) }
        guard fchmod(file, mode) == 0 else { throw OutputError.io(path: child(name), operation: "set mode of", errno: errno) }
        try contents.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let count = write(file, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.io(path: child(name), operation: "write", errno: errno)
                }
                offset += count
            }
        }
    }

    /// Hard-links `sourceName` of `source` as `name` here; `false` when the file system refuses.
    func link(_ name: String, from source: Directory, _ sourceName: String) -> Bool {
        linkat(source.fd, sourceName, fd, name, 0) == 0
    }

    func rename(_ name: String, to newName: String) throws {
        guard renameat(fd, name, fd, newName) == 0 else {
            throw OutputError.io(path: "\(child(name)) to \(newName)", operation: "rename", errno: errno)
        }
    }

    /// Removes `name` and, when it is a folder, everything in it; links are removed, never followed.
    func removeTree(_ name: String) throws {
        guard let kind = try kind(name) else { return }
        if kind == .directory {
            let folder = try directory(name)
            for entry in try folder.names() {
                try folder.removeTree(entry)
            }
        }
        guard unlinkat(fd, name, kind == .directory ? AT_REMOVEDIR : 0) == 0 || errno == ENOENT else {
            throw OutputError.io(path: child(name), operation: "remove", errno: errno)
        }
    }

    /// Flushes the folder's entries to disk; best effort.
    func sync() {
        _ = fsync(fd)
    }

    private static func open(at parent: Int32, name: String, path: String) throws -> Directory {
        let fd = openRetryingInterrupts(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd >= 0 { return Directory(fd: fd, path: path) }
        let code = errno
        var info = stat()
        if fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
            switch kind(of: info.st_mode) {
            case .symlink: throw OutputError.symlink(path: path)
            case .directory: break
            case let other: throw OutputError.unexpectedFileType(path: path, found: describe(other))
            }
        }
        throw OutputError.io(path: path, operation: "open folder", errno: code)
    }

    private func openError(_ name: String) -> OutputError {
        let code = errno
        if code == ELOOP, (try? kind(name)) == .symlink { return .symlink(path: child(name)) }
        return .io(path: child(name), operation: "open", errno: code)
    }

    private static func kind(of mode: mode_t) -> Kind {
        switch mode & 0o170000 {
        case 0o040000: .directory
        case 0o100000: .file
        case 0o120000: .symlink
        case 0o010000: .other("a named pipe")
        case 0o140000: .other("a socket")
        case 0o020000: .other("a character device")
        case 0o060000: .other("a block device")
        default: .other("of unknown type")
        }
    }

    static func describe(_ kind: Kind) -> String {
        switch kind {
        case .directory: "a folder"
        case .file: "a regular file"
        case .symlink: "a symbolic link"
        case let .other(text): text
        }
    }
}

private func openRetryingInterrupts(_ dir: Int32, _ name: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
    while true {
        let fd = openat(dir, name, flags, mode)
        if fd >= 0 || errno != EINTR { return fd }
    }
}
